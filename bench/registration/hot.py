"""Heaviest frames of a JFR recording: top frames (self) and lectern frames on the stack (total).
Usage: hot.py recording.jfr [top]"""
import collections, re, subprocess, sys
rec, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 25
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", rec],
                      capture_output=True, text=True).stdout
selfc, total, pkg = collections.Counter(), collections.Counter(), collections.Counter()
n = 0
for ev in text.split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w$.<>/]+)\(", ev, re.M)
    frames = [f for f in frames if f not in ("stackTrace",)]
    if not frames:
        continue
    n += 1
    selfc[frames[0]] += 1
    seen = set()
    for f in frames:
        m = ".".join(f.split(".")[:-1])
        if f.startswith("org.lectern") and f not in seen:
            total[f] += 1; seen.add(f)
    areas = set()
    for f in frames:
        for key, name in (("org.postgresql", "JDBC driver"), ("com.google.crypto.tink", "Tink"),
                          ("tools.jackson", "Jackson"), ("com.fasterxml.jackson", "Jackson"),
                          ("org.springframework.modulith", "Modulith events"),
                          ("org.springframework.security", "Spring Security"),
                          ("ch.qos.logback", "logging"), ("org.apache.catalina", "Tomcat"),
                          ("org.apache.coyote", "Tomcat"), ("gg.jte", "jte"),
                          ("jakarta.mail", "mail"), ("org.eclipse.angus", "mail"),
                          ("com.zaxxer.hikari", "Hikari"), ("org.flywaydb", "Flyway"),
                          ("java.util.zip", "gzip"), ("jdk.jfr", "JFR"),
                          ("org.springframework.transaction", "Spring tx"),
                          ("java.security", "JCA")):
            if f.startswith(key):
                areas.add(name)
    for a in areas:
        pkg[a] += 1
print(f"samples: {n}")
print("-- top frames (self) --")
for f, c in selfc.most_common(top):
    print(f"{100*c/n:5.1f} %  {f}")
print("-- lectern frames on the stack (total) --")
for f, c in total.most_common(top):
    print(f"{100*c/n:5.1f} %  {f}")
print("-- areas on the stack (a sample can count in several) --")
for f, c in pkg.most_common():
    print(f"{100*c/n:5.1f} %  {f}")
