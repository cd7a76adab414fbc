#!/usr/bin/env python3
"""Restore drill client (ops/restore-drill.sh), standard library only.

  restore-drill-client.py create BASE EMAIL PASSWORD STATE.json
      Through the API: an organisation; a programme whose session ended yesterday (a Zoom
      attendance report imported, certificates issued); a programme whose hybrid session runs now
      (door check-ins, questions in the live room). Writes what it made and what it saw to STATE.json.
  restore-drill-client.py check BASE EMAIL PASSWORD STATE.json
      On the restored instance: every registration (names readable), attendance record, certificate
      (verifiable on its public page, holder's name shown) and live-room event is there, the same.
      Prints "N passed, M failed" and exits non-zero on a failure.
"""
import datetime as dt
import json
import sys
import time
import urllib.error
import urllib.request
import uuid

BASE, EMAIL, PASSWORD, STATE = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
ZONE = "Asia/Almaty"  # UTC+5 all year
DELEGATES = [
    ("Aigerim Nurlanovna Seitkali", "aigerim.seitkali@drill.example"),
    ("Данияр Болатович Ахметов", "daniyar.akhmetov@drill.example"),
    ("Мария Сергеевна Ким", "maria.kim@drill.example"),
    ("Yerlan Tokayev", "yerlan.tokayev@drill.example"),
    ("Әсел Жақсылыққызы", "asel.zh@drill.example"),
]


def call(method, path, body=None, token=None, raw=False, headers=None, timeout=30):
    data, hdrs = None, dict(headers or {})
    if body is not None and not raw:
        data = json.dumps(body).encode()
        hdrs["Content-Type"] = "application/json"
    elif raw:
        data = body
    if token:
        hdrs["Authorization"] = "Bearer " + token
    req = urllib.request.Request(BASE + path, data=data, method=method, headers=hdrs)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as res:
            text = res.read().decode("utf-8", "replace")
            return res.status, text
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def ok(method, path, body=None, token=None, expect=(200, 201), **kw):
    status, text = call(method, path, body, token, **kw)
    if status not in expect:
        sys.exit(f"{method} {path}: {status} {text[:500]}")
    return json.loads(text) if text.strip().startswith(("{", "[")) else text


def sign_in():
    return ok("POST", "/api/v1/auth/tokens", {"email": EMAIL, "password": PASSWORD, "name": "drill"})["token"]


def multipart(field, filename, content, fields):
    boundary = uuid.uuid4().hex
    parts = []
    for k, v in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
        f"Content-Type: text/csv\r\n\r\n".encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def live_events(session, token, want=None, seconds=8.0):
    """Reads the live room's stream from its first event until `want` events or `seconds` pass."""
    req = urllib.request.Request(BASE + f"/api/v1/sessions/{session}/live/events",
                                 headers={"Authorization": "Bearer " + token, "Accept": "text/event-stream"})
    events, current, deadline = [], {}, time.monotonic() + seconds
    try:
        with urllib.request.urlopen(req, timeout=seconds) as res:
            while time.monotonic() < deadline and (want is None or len(events) < want):
                line = res.readline().decode("utf-8").rstrip("\n")
                if line == "":
                    if "id" in current and current.get("event") not in (None, "heartbeat"):
                        events.append(current)
                    current = {}
                elif not line.startswith(":") and ":" in line:
                    k, v = line.split(":", 1)
                    current[k] = current.get(k, "") + v.lstrip(" ") if k == "data" else v.lstrip(" ")
    except (TimeoutError, OSError):
        pass
    return [{"id": e["id"], "event": e.get("event"), "data": e.get("data", "")} for e in events]


def create():
    token = sign_in()
    org = ok("POST", "/api/v1/organisations", {"name": {"en": "Drill Bar Association",
             "ru": "Учебная коллегия адвокатов", "kk": "Оқу адвокаттар алқасы"}}, token)["id"]
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    state = {"organisation": org, "programmes": []}

    # 1. Yesterday's online session: registrations, a Zoom report, certificates.
    past = ok("POST", "/api/v1/programmes", {"slug": "drill-past-" + uuid.uuid4().hex[:6],
              "title": {"en": "Drill: fair trial", "ru": "Учения: справедливый суд"},
              "timeZone": ZONE, "languages": ["en", "ru"], "organisationId": org}, token)["id"]
    start = (now - dt.timedelta(days=1)).replace(hour=5, minute=0, second=0)  # 10:00 in Almaty
    s1 = ok("POST", f"/api/v1/programmes/{past}/sessions", {"title": "Article 14 ICCPR",
            "startsAt": start.isoformat().replace("+00:00", "Z"),
            "endsAt": (start + dt.timedelta(hours=2)).isoformat().replace("+00:00", "Z"),
            "mode": "ONLINE", "iccprArticles": [14]}, token)["id"]
    ok("PATCH", f"/api/v1/programmes/{past}", {"status": "PUBLISHED"}, token)
    regs = {}
    for name, email in DELEGATES:
        r = ok("POST", f"/api/v1/programmes/{past}/registrations",
               {"email": email, "fullName": name, "consent": True}, token)
        regs[r["id"]] = {"name": name, "email": email, "status": r["status"]}
    local = start + dt.timedelta(hours=5)
    fmt = lambda t: t.strftime("%m/%d/%Y %I:%M:%S %p")
    rows = ["Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest"]
    for name, email in DELEGATES[:4]:  # the fifth did not come
        rows.append(f'"{name}",{email},{fmt(local - dt.timedelta(minutes=3))},'
                    f"{fmt(local + dt.timedelta(minutes=121))},124,Yes")
    body, ctype = multipart("file", "zoom.csv", ("\n".join(rows) + "\n").encode(), {"timeZone": ZONE})
    imported = ok("POST", f"/api/v1/sessions/{s1}/attendance-imports", body, token, raw=True,
                  headers={"Content-Type": ctype})
    issued = ok("POST", f"/api/v1/programmes/{past}/certificates", None, token)
    certs = ok("GET", f"/api/v1/programmes/{past}/certificates", None, token)
    attendance = ok("GET", f"/api/v1/sessions/{s1}/attendance", None, token)
    state["programmes"].append({"id": past, "sessions": [s1], "registrations": regs,
                                "import": imported, "issued": issued, "certificates": certs,
                                "attendance": {s1: attendance}})

    # 2. A hybrid session running now: registrations, door check-ins, live-room questions.
    live = ok("POST", "/api/v1/programmes", {"slug": "drill-live-" + uuid.uuid4().hex[:6],
              "title": {"en": "Drill: live room"}, "timeZone": ZONE, "languages": ["en"],
              "organisationId": org}, token)["id"]
    s2 = ok("POST", f"/api/v1/programmes/{live}/sessions", {"title": "Questions from the floor",
            "startsAt": (now - dt.timedelta(minutes=10)).isoformat().replace("+00:00", "Z"),
            "endsAt": (now + dt.timedelta(minutes=80)).isoformat().replace("+00:00", "Z"),
            "mode": "HYBRID"}, token)["id"]
    ok("PATCH", f"/api/v1/programmes/{live}", {"status": "PUBLISHED"}, token)
    regs2 = {}
    for name, email in DELEGATES[:3]:
        r = ok("POST", f"/api/v1/programmes/{live}/registrations",
               {"email": email, "fullName": name, "consent": True}, token)
        regs2[r["id"]] = {"name": name, "email": email, "status": r["status"]}
    checkins = [ok("POST", f"/api/v1/sessions/{s2}/check-ins", {"registrationId": rid}, token)
                for rid in list(regs2)[:2]]
    questions = [ok("POST", f"/api/v1/sessions/{s2}/live/questions",
                    {"text": f"Drill question {i}: may a court hear a case in absentia?"}, token)
                 for i in range(1, 6)]
    events = live_events(s2, token, want=len(questions), seconds=10)
    state["programmes"].append({"id": live, "sessions": [s2], "registrations": regs2,
                                "checkins": checkins, "questions": questions, "events": events,
                                "attendance": {s2: ok("GET", f"/api/v1/sessions/{s2}/attendance", None, token)}})
    json.dump(state, open(STATE, "w"), ensure_ascii=False, indent=1)
    print(f"created: {sum(len(p['registrations']) for p in state['programmes'])} registrations, "
          f"{imported.get('matched')} matched in the Zoom report, {len(certs)} certificates, "
          f"{len(checkins)} check-ins, {len(questions)} questions, {len(events)} live-room events")


def check():
    state = json.load(open(STATE))
    token = sign_in()
    passed = failed = 0

    def expect(what, cond):
        nonlocal passed, failed
        print(("ok   " if cond else "FAIL ") + what)
        passed, failed = passed + bool(cond), failed + (not cond)

    for p in state["programmes"]:
        listed = ok("GET", f"/api/v1/programmes/{p['id']}/registrations", None, token)
        listed = listed.get("items", listed) if isinstance(listed, dict) else listed
        by_id = {r["id"]: r for r in listed}
        for rid, r in p["registrations"].items():
            got = by_id.get(rid)
            expect(f"registration {r['email']} ({r['status']}) back, name readable",
                   got is not None and got.get("status") == r["status"]
                   and r["name"] in json.dumps(got, ensure_ascii=False))
        for sid, before in p["attendance"].items():
            after = ok("GET", f"/api/v1/sessions/{sid}/attendance", None, token)
            expect(f"attendance of session {sid[:8]}: {len(before)} records, the same after",
                   len(before) > 0 and sorted(json.dumps(a, sort_keys=True) for a in after)
                   == sorted(json.dumps(a, sort_keys=True) for a in before))
        if "certificates" in p:
            after = ok("GET", f"/api/v1/programmes/{p['id']}/certificates", None, token)
            expect(f"{len(p['certificates'])} certificates listed, the same after",
                   len(p["certificates"]) > 0 and sorted(c["code"] for c in after)
                   == sorted(c["code"] for c in p["certificates"]))
            names = {rid: r["name"] for rid, r in p["registrations"].items()}
            for c in p["certificates"]:
                status, page = call("GET", f"/verify/{c['code']}")
                holder = names.get(c["registrationId"], "?")
                expect(f"certificate {c['code']} verifies publicly (200, holder's name shown)",
                       status == 200 and holder in page)
                status, pdf = call("GET", f"/api/v1/certificates/{c['code']}/pdf", token=token)
                expect(f"certificate {c['code']} PDF served", status == 200)
        if "events" in p:
            sid = p["sessions"][0]
            after = live_events(sid, token, want=len(p["events"]), seconds=10)
            expect(f"{len(p['events'])} live-room events replayed from the start, the same ids and data",
                   len(p["events"]) > 0 and after == p["events"])
            queue = json.dumps(ok("GET", f"/api/v1/sessions/{sid}/live/questions", None, token),
                               ensure_ascii=False)
            expect(f"{len(p['questions'])} questions in the live room's queue",
                   all(q["text"] in queue for q in p["questions"]))
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


{"create": create, "check": check}[sys.argv[1]]()
