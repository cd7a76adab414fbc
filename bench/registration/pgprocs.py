"""CPU seconds of a PostgreSQL server's processes by kind: postmaster PID (arg 1). Prints one line
`kind=seconds ...`: client backends, walwriter, checkpointer, background writer, autovacuum
(launcher + the workers, live or already waited for: the postmaster's cutime/cstime), others."""
import os, sys
tick = os.sysconf("SC_CLK_TCK")
pm = int(sys.argv[1])
out = {}
def stat(p):
    raw = open(f"/proc/{p}/stat").read()
    f = raw[raw.rindex(")") + 2:].split()
    return int(f[1]), [int(x) for x in f[11:15]]
_, s = stat(pm)
out["postmaster"] = (s[0] + s[1]) / tick
out["exited_children"] = (s[2] + s[3]) / tick
for d in os.listdir("/proc"):
    if not d.isdigit():
        continue
    try:
        ppid, s = stat(d)
        if ppid != pm:
            continue
        cmd = open(f"/proc/{d}/cmdline").read().replace("\0", " ").strip()
    except OSError:
        continue
    kind = cmd.replace("postgres: ", "").split()[0] if cmd.startswith("postgres: ") else "other"
    if "autovacuum" in cmd: kind = "autovacuum"
    elif "walwriter" in cmd: kind = "walwriter"
    elif "checkpointer" in cmd: kind = "checkpointer"
    elif "background writer" in cmd: kind = "bgwriter"
    elif "logical replication" in cmd or "launcher" in cmd: kind = "launchers"
    elif "@" in cmd or "127.0.0.1" in cmd or "idle" in cmd or "[local]" in cmd: kind = "backends"
    out[kind] = out.get(kind, 0) + (s[0] + s[1] + s[2] + s[3]) / tick
print(" ".join(f"{k}={v:.2f}" for k, v in sorted(out.items())))
