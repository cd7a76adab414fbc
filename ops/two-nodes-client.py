#!/usr/bin/env python3
"""Failover drill client (ops/two-nodes.sh): through the proxy, signs in, follows a live room's
event stream (reconnecting with Last-Event-ID), posts questions and registrations, kills node A
mid-run, and prints what survived. Standard library only."""
import http.client, json, os, re, signal, sys, threading, time, urllib.parse, uuid

proxy_port, session_id, programme_id, email, password, pid_a, node_a = sys.argv[1:8]
HOST = "127.0.0.1"
lock = threading.Lock()
stop = threading.Event()
cookies = {}
log = []


def note(msg):
    line = f"{time.time() - T0:7.2f}s {msg}"
    log.append(line)
    print(line, flush=True)


def request(method, path, body=None, headers=None, use_cookies=True, timeout=10):
    h = dict(headers or {})
    if use_cookies and cookies:
        h["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    c = http.client.HTTPConnection(HOST, int(proxy_port), timeout=timeout)
    c.request(method, path, body=body, headers=h)
    r = c.getresponse()
    data = r.read().decode("utf-8", "replace")
    if use_cookies:
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, value = v.split(";", 1)[0].split("=", 1)
                cookies[name] = value
    c.close()
    return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data


def csrf(page):
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


T0 = time.time()
# 1. Sign in through the proxy (form login, like a browser).
_, _, page = request("GET", "/login")
status, h, _ = request("POST", "/login", urllib.parse.urlencode(
    {"email": email, "password": password, "_csrf": csrf(page)}),
    {"Content-Type": "application/x-www-form-urlencoded"})
assert status == 302 and "error" not in h.get("location", ""), (status, h)
status, h, _ = request("GET", "/admin/account")
note(f"signed in; /admin/account {status} from {h.get('x-upstream')}")
status, _, body = request("POST", "/api/v1/auth/tokens", json.dumps(
    {"email": email, "password": password, "name": "drill"}),
    {"Content-Type": "application/json"}, use_cookies=False)
assert status == 201, (status, body)
bearer = "Bearer " + json.loads(body)["token"]

seen_ids = []          # every event id received, over all connections (duplicates show here)
seen_texts = set()
gaps = []              # seconds without a stream, per reconnect
connections = []       # upstream of each stream connection


def follow():
    last = None
    lost_at = None
    while not stop.is_set():
        try:
            c = http.client.HTTPConnection(HOST, int(proxy_port), timeout=30)
            h = {"Accept": "text/event-stream",
                 "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
            if last is not None:
                h["Last-Event-ID"] = str(last)
            c.request("GET", f"/sessions/{session_id}/live/events", headers=h)
            r = c.getresponse()
            if r.status != 200:
                c.close(); time.sleep(0.2); continue
            connections.append(r.getheader("X-Upstream"))
            if lost_at is not None:
                gaps.append(time.time() - lost_at)
                note(f"stream resumed after {gaps[-1]:.2f}s via {r.getheader('X-Upstream')}"
                     f" from Last-Event-ID {last}")
                lost_at = None
            event_id, data = None, []
            while not stop.is_set():
                line = r.fp.readline()
                if not line:
                    break
                line = line.decode("utf-8").rstrip("\r\n")
                if line.startswith("id:"):
                    event_id = int(line[3:].strip())
                elif line.startswith("data:"):
                    data.append(line[5:])
                elif line == "":
                    if event_id is not None:
                        with lock:
                            seen_ids.append(event_id)
                            for m in re.finditer(r"drill-q-\d+", "".join(data)):
                                seen_texts.add(m.group(0))
                        last = event_id
                    event_id, data = None, []
            c.close()
        except (OSError, http.client.HTTPException):
            pass
        if not stop.is_set() and lost_at is None:
            lost_at = time.time()
            note("stream lost")
        time.sleep(0.1)


asked, registered, refused = [], [], []


def ask():
    n = 0
    while not stop.is_set():
        n += 1
        text = f"drill-q-{n}"
        try:
            s, _, _ = request("POST", f"/api/v1/sessions/{session_id}/live/questions",
                              json.dumps({"text": text}),
                              {"Content-Type": "application/json", "Authorization": bearer},
                              use_cookies=False, timeout=5)
            (asked if s == 201 else refused).append(("question", text, s))
        except (OSError, http.client.HTTPException) as e:
            refused.append(("question", text, type(e).__name__))
        time.sleep(0.25)


def register():
    while not stop.is_set():
        addr = f"drill-{uuid.uuid4().hex[:12]}@example.org"
        try:
            s, _, _ = request("POST", f"/api/v1/programmes/{programme_id}/registrations",
                              json.dumps({"email": addr, "fullName": "Drill Delegate",
                                          "consent": True}),
                              {"Content-Type": "application/json",
                               "Idempotency-Key": addr}, use_cookies=False, timeout=5)
            (registered if s == 202 else refused).append(("registration", addr, s))
        except (OSError, http.client.HTTPException) as e:
            refused.append(("registration", addr, type(e).__name__))
        time.sleep(0.2)


threads = [threading.Thread(target=f, daemon=True) for f in (follow, ask, register)]
for t in threads:
    t.start()
time.sleep(10)
note(f"killing node A ({node_a}, pid {pid_a}) with SIGKILL")
killed_at = time.time()
os.kill(int(pid_a), signal.SIGKILL)
# The organiser keeps working: the first back-office answer after the kill.
first_ok = None
while time.time() - killed_at < 30:
    try:
        s, h, _ = request("GET", "/admin/account", timeout=5)
        if s == 200:
            first_ok = time.time() - killed_at
            note(f"back office after the kill: 200 from {h.get('x-upstream')}"
                 f" after {first_ok:.2f}s, still signed in")
            break
        note(f"back office after the kill: {s}")
    except (OSError, http.client.HTTPException) as e:
        note(f"back office after the kill: {type(e).__name__}")
    time.sleep(0.1)
time.sleep(15)
stop.set()
time.sleep(1)
acked = {t for _, t, _ in asked}
deadline = time.time() + 10
with lock:
    pass
missing = sorted(acked - seen_texts)
dup = len(seen_ids) - len(set(seen_ids))
result = {
    "signedInAfterKill": first_ok is not None,
    "secondsToFirstBackOfficeAnswerAfterKill": round(first_ok, 2) if first_ok else None,
    "streamGapsSeconds": [round(g, 2) for g in gaps],
    "streamUpstreams": connections,
    "questionsAcknowledged": len(acked),
    "questionsMissingFromStream": missing,
    "eventsReceived": len(seen_ids),
    "eventsReceivedTwice": dup,
    "registrationsAcknowledged": len(registered),
    "refusedOrFailed": [f"{k} {s}" for k, _, s in refused],
    "registrationEmails": [a for _, a, _ in registered],
}
with open(os.environ.get("DRILL_RESULT", "/dev/null"), "w") as f:
    json.dump(result, f)
print(json.dumps({k: v for k, v in result.items() if k != "registrationEmails"}, indent=1))
