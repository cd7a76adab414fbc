"""CPU samples of a JFR recording by owning subsystem: each sample is given to the innermost frame
(from the top of the stack down) that belongs to a known subsystem; JDK frames (java.*, sun.*,
jdk.*) belong to whoever called them. Also by thread group and the heaviest self frames.
Usage: owners.py recording.jfr [top]"""
import collections, re, subprocess, sys
rec, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", rec],
                      capture_output=True, text=True).stdout
OWNERS = [
    ("org.lectern.shared.crypto", "crypto (ours)"), ("com.google.crypto.tink", "crypto (Tink)"),
    ("javax.crypto", "crypto (JCA)"), ("com.sun.crypto", "crypto (JCA)"),
    ("org.eclipse.angus.mail", "mail composition/SMTP"), ("jakarta.mail", "mail composition/SMTP"),
    ("jakarta.activation", "mail composition/SMTP"), ("org.springframework.mail", "mail composition/SMTP"),
    ("net.fortuna.ical4j", "mail composition/SMTP"), ("gg.jte", "templates (jte)"),
    ("org.postgresql", "JDBC/pgjdbc"), ("com.zaxxer.hikari", "Hikari"),
    ("org.springframework.jdbc", "Spring JDBC/tx"), ("org.springframework.transaction", "Spring JDBC/tx"),
    ("org.springframework.modulith", "Modulith events"), ("org.springframework.security", "security filter chain"),
    ("tools.jackson", "MVC/Jackson"), ("com.fasterxml.jackson", "MVC/Jackson"),
    ("org.springframework.web", "MVC/Jackson"), ("org.springframework.http", "MVC/Jackson"),
    ("org.springframework.validation", "MVC/Jackson"), ("org.hibernate.validator", "MVC/Jackson"),
    ("io.micrometer", "metrics (Micrometer)"), ("ch.qos.logback", "logging"), ("org.slf4j", "logging"),
    ("org.apache.catalina", "Tomcat"), ("org.apache.coyote", "Tomcat"), ("org.apache.tomcat", "Tomcat"),
    ("org.springframework.aop", "Spring (AOP, beans, context)"), ("org.springframework.beans", "Spring (AOP, beans, context)"),
    ("org.springframework.context", "Spring (AOP, beans, context)"), ("org.springframework.core", "Spring (AOP, beans, context)"),
    ("org.springframework.cglib", "Spring (AOP, beans, context)"),
    ("com.github.kagkarlsson", "db-scheduler"), ("org.lectern", "our code"),
    ("jdk.jfr", "JFR"),
]
def owner(frames):
    for f in frames:
        for prefix, name in OWNERS:
            if f.startswith(prefix):
                return name
    return "JDK only (" + (frames[0].rsplit(".", 2)[0] if frames else "?") + ")"
def group(thread):
    for k, g in (("http-nio", "request threads"), ("registration-mail", "mail composing"),
                 ("db-scheduler", "db-scheduler (outbox sender)"), ("C2 Compiler", "JIT"), ("C1 Compiler", "JIT")):
        if k in thread:
            return g
    return "other"
owners, threads, selfc = collections.Counter(), collections.Counter(), collections.Counter()
n = 0
for ev in text.split("jdk.ExecutionSample")[1:]:
    frames = [f for f in re.findall(r"^\s+([\w$.<>/]+)\(", ev, re.M) if f != "stackTrace"]
    if not frames:
        continue
    m = re.search(r'sampledThread = "([^"]*)"', ev)
    n += 1
    owners[owner(frames)] += 1
    threads[group(m.group(1) if m else "")] += 1
    selfc[frames[0]] += 1
print(f"samples: {n}")
print("-- by owning subsystem (innermost non-JDK frame) --")
for k, v in owners.most_common():
    print(f"{100 * v / n:5.1f} %  {k}")
print("-- by thread --")
for k, v in threads.most_common():
    print(f"{100 * v / n:5.1f} %  {k}")
print("-- top frames (self) --")
for k, v in selfc.most_common(top):
    print(f"{100 * v / n:5.1f} %  {k}")
