"""CPU seconds (user + system) of processes and their children: one figure per argument pid,
printed space-separated. Children: live descendants plus the waited-for ones (cutime, cstime)."""
import os, sys
tick = os.sysconf("SC_CLK_TCK")
stats = {}
for d in os.listdir("/proc"):
    if d.isdigit():
        try:
            raw = open(f"/proc/{d}/stat").read()
        except OSError:
            continue
        f = raw[raw.rindex(")") + 2:].split()
        stats[int(d)] = (int(f[1]), sum(int(x) for x in f[11:15]))  # ppid, utime+stime+cutime+cstime
pids = [int(p) for p in sys.argv[1:]]
def tree(pid, skip):
    total = stats.get(pid, (0, 0))[1]
    for child, (ppid, _) in stats.items():
        if ppid == pid and child not in skip:
            total += tree(child, skip)
    return total
# A later pid's tree is not counted in an earlier one's (PostgreSQL may be Lectern's child).
print(" ".join("%.2f" % (tree(p, set(pids[i + 1:])) / tick) for i, p in enumerate(pids)))
