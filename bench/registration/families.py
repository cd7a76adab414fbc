"""CPU samples of a JFR recording split by thread (request threads / mail / others) and, for the
request threads, by family of the request's path: Tomcat and HTTP parsing, other servlet filters,
each Spring Security filter, the handler look-up, argument resolution (Jackson), the controller,
JDBC/Hikari (by the Lectern frame calling it), response writing, Micrometer, logging.
A sample counts once: in the innermost phase on its stack, unless a JDBC, logging or Micrometer
frame is on it (then there).  Usage: families.py recording.jfr [top-frames-per-family]"""
import collections, re, subprocess, sys

rec = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 0
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", rec],
                      capture_output=True, text=True).stdout

PHASES = [  # (frame prefix, phase); the innermost match on the stack (root → leaf) wins
    ("org.apache.catalina.core.ApplicationFilterChain", "servlet filters (non-security)"),
    ("org.springframework.security.web.FilterChainProxy", "security: FilterChainProxy"),
    ("org.springframework.web.servlet.DispatcherServlet", "DispatcherServlet (other)"),
    ("org.springframework.web.servlet.FrameworkServlet", "DispatcherServlet (other)"),
    ("org.springframework.web.servlet.DispatcherServlet.getHandler", "handler look-up"),
    ("org.springframework.web.method.support.InvocableHandlerMethod.getMethodArgumentValues", "argument resolution"),
    ("org.springframework.web.method.support.InvocableHandlerMethod.doInvoke", "controller"),
    ("org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle", "DispatcherServlet (other)"),
    ("org.springframework.web.method.support.InvocableHandlerMethod.invokeForRequest", "DispatcherServlet (other)"),
    ("org.springframework.web.method.support.HandlerMethodReturnValueHandlerComposite", "response writing"),
    ("org.springframework.web.servlet.DispatcherServlet.processDispatchResult", "response writing"),
]
OVERRIDES = [  # anywhere on the stack, in this order
    (("org.postgresql", "com.zaxxer.hikari", "org.springframework.jdbc"), "JDBC/Hikari"),
    (("ch.qos.logback", "org.slf4j", "org.apache.logging"), "logging"),
    (("io.micrometer",), "Micrometer observation"),
]
SEC = re.compile(r"^(org\.springframework\.security\.web\..*\.|org\.lectern\..*\.)(\w+Filter|\w+Gate)\.")

threads = collections.Counter()
fam = collections.Counter()
famframes = collections.defaultdict(collections.Counter)
n = 0
for ev in text.split("jdk.ExecutionSample")[1:]:
    m = re.search(r'sampledThread = "([^"]*)"', ev)
    name = m.group(1) if m else "?"
    frames = re.findall(r"^\s+([\w$.<>/]+)\(", ev, re.M)
    if not frames:
        continue
    n += 1
    group = re.sub(r"[0-9]+", "#", name)
    if group.startswith("http-nio"):
        kind = "request threads"
    elif "mail" in name.lower():
        kind = "mail"
    else:
        kind = "others: " + group
    threads[kind] += 1
    if kind != "request threads":
        continue
    phase = "Tomcat + HTTP parsing"
    for f in reversed(frames):  # root → leaf
        for prefix, p in PHASES:
            if f.startswith(prefix):
                phase = p
        s = SEC.match(f)
        if s and phase.startswith(("security", "servlet filters")) and "FilterChainProxy" not in f:
            cls = s.group(2)
            phase = ("security: " if "security" in f or "identity" in f else "servlet filter: ") + cls
    for prefixes, p in OVERRIDES:
        if any(f.startswith(prefixes) for f in frames):
            if p == "JDBC/Hikari":
                caller = next((f for f in frames if f.startswith("org.lectern")), "?")
                p = "JDBC/Hikari (" + ".".join(caller.split(".")[-2:]) + ")"
            phase = p
            break
    fam[phase] += 1
    famframes[phase][frames[0]] += 1

print(f"samples: {n}")
for k, v in threads.most_common():
    print(f"{100 * v / n:5.1f} %  {v:5d}  {k}")
req = threads["request threads"] or 1
print(f"-- request threads by family ({req} samples; share of the request threads) --")
for k, v in fam.most_common():
    print(f"{100 * v / req:5.1f} %  {v:5d}  {k}")
    if top:
        for f, c in famframes[k].most_common(top):
            print(f"            {c:5d}  {f}")
