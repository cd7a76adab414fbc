"""CPU seconds of a JVM's threads grouped by name (digits dropped), as a snapshot or a difference.
Usage: threads.py PID > before.txt ... threads.py PID before.txt [N]   (prints the top groups;
with N, e.g. the registrations or mails of the interval, also each group's milliseconds per one)"""
import collections, os, re, sys
tick = os.sysconf("SC_CLK_TCK")
pid = sys.argv[1]
now = collections.Counter()
for t in os.listdir(f"/proc/{pid}/task"):
    try:
        raw = open(f"/proc/{pid}/task/{t}/stat").read()
    except OSError:
        continue
    name = raw[raw.index("(") + 1:raw.rindex(")")]
    f = raw[raw.rindex(")") + 2:].split()
    now[re.sub(r"[0-9]+", "#", name)] += (int(f[11]) + int(f[12])) / tick
if len(sys.argv) == 2:
    for k, v in now.items():
        print(f"{v}\t{k}")
    sys.exit()
before = collections.Counter()
for line in open(sys.argv[2]):
    v, k = line.rstrip("\n").split("\t", 1)
    before[k] = float(v)
diff = {k: now[k] - before.get(k, 0) for k in now}
total = sum(diff.values())
print("JVM threads by CPU (s, share): " + ", ".join(
    f"{k} {v:.1f} ({100 * v / total:.0f} %)" for k, v in sorted(diff.items(), key=lambda x: -x[1])[:8] if v > 0))
if len(sys.argv) > 3 and int(sys.argv[3]) > 0:
    n = int(sys.argv[3])
    print(f"ms per one of {n}: " + ", ".join(
        f"{k} {1000 * v / n:.3f}" for k, v in sorted(diff.items(), key=lambda x: -x[1])[:12] if v > 0))
