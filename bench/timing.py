#!/usr/bin/env python3
"""Timing as a disclosure: the anonymous answers that must not tell whether an address is known,
timed from outside with many interleaved samples (bench/timing.sh starts the server).

Each comparison sends, per round, one request of every case in a random order; every request's
wall time is kept. Printed per comparison: the median of each case, the difference of the medians,
the Hodges-Lehmann shift (median of all pairwise differences) and the two-sided Mann-Whitney U test's
p-value. A p-value below 0.01 with a shift that keeps its sign run after run is a disclosure; single
numbers on a loaded machine are not.

Usage: timing.py BASE TOKEN FULL_PROGRAMME OPEN_PROGRAMME [SAMPLES]
"""
import json
import random
import re
import statistics
import sys
import time
import uuid

import requests
from scipy.stats import mannwhitneyu

base, token, full, open_programme = sys.argv[1:5]
samples = int(sys.argv[5]) if len(sys.argv) > 5 else 300
warm = max(30, samples // 10)
tag = uuid.uuid4().hex[:6]
auth = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
PASSWORD = "timing passphrase for the disclosure bench"


def api(method, path, body):
    r = requests.request(method, base + path, headers=auth, data=json.dumps(body), timeout=60)
    if r.status_code >= 300:
        raise SystemExit(f"{method} {path}: {r.status_code} {r.text[:300]}")
    return r.json() if r.text else None


def register(programme, email):
    return api("POST", f"/api/v1/programmes/{programme}/registrations",
               {"email": email, "fullName": "Timing Delegate", "language": "ru"})["status"]


def other_address():
    # Requests from many client addresses (Lectern believes X-Forwarded-For from loopback, its
    # default trusted proxy): the per-network-address limits must not refuse the samples.
    return "10.%d.%d.%d" % (random.randrange(256), random.randrange(256), random.randrange(1, 255))


class Visitor:
    """A browser without a session: the form token bound to a cookie (ADR 0028)."""

    def __init__(self, page):
        self.page = page
        self.s = requests.Session()
        self.refresh()

    def refresh(self):
        html = self.s.get(base + self.page, timeout=60).text
        self.csrf = re.search(r'name="_csrf" value="([^"]+)"', html).group(1)

    def post(self, path, form):
        form = dict(form, _csrf=self.csrf)
        t = time.perf_counter()
        r = self.s.post(base + path, data=form, allow_redirects=False, timeout=60,
                        headers={"X-Forwarded-For": other_address()})
        took = time.perf_counter() - t
        if r.status_code == 403:
            self.refresh()
            return self.post(path, form)
        return took, r.status_code, r.headers.get("Location", "")


def anonymous_registration(email):
    t = time.perf_counter()
    r = requests.post(f"{base}/api/v1/programmes/{full}/registrations",
                      headers={"Content-Type": "application/json",
                               "X-Forwarded-For": other_address()},
                      data=json.dumps({"email": email, "fullName": "Timing Delegate",
                                       "language": "ru", "consent": True}), timeout=60)
    return time.perf_counter() - t, r.status_code, r.text


def run(name, cases, rounds):
    """cases: {label: fn(i) -> (seconds, status, answer)}; returns {label: [seconds]}"""
    times = {k: [] for k in cases}
    answers = {k: set() for k in cases}
    for i in range(rounds):
        order = list(cases)
        random.shuffle(order)
        for k in order:
            took, status, answer = cases[k](i)
            times[k].append(took)
            answers[k].add((status, answer))
    return times, answers


def report(name, cases, rounds):
    run(name, cases, warm)  # warm-up, thrown away
    times, answers = run(name, cases, rounds)
    labels = list(cases)
    print(f"\n{name} ({rounds} rounds, cases interleaved in random order)")
    for k in labels:
        shown = sorted(answers[k])[:2]
        print(f"  {k:<34} median {statistics.median(times[k]) * 1000:7.2f} ms"
              f"  p90 {statistics.quantiles(times[k], n=10)[-1] * 1000:7.2f} ms  answers {shown}")
    ref = labels[0]
    for k in labels[1:]:
        a, b = times[ref], times[k]
        diffs = sorted(x - y for x in a[:200] for y in b[:200])
        shift = statistics.median(diffs) * 1000
        p = mannwhitneyu(a, b, alternative="two-sided").pvalue
        print(f"  {ref} - {k}: medians {(statistics.median(a) - statistics.median(b)) * 1000:+.2f} ms,"
              f" Hodges-Lehmann shift {shift:+.2f} ms, Mann-Whitney p = {p:.3g}")


# --- set-up: a full programme (one confirmed, one waitlisted), delegates and accounts ---------------
registered = f"registered-{tag}@example.org"
waitlisted = f"waitlisted-{tag}@example.org"
assert register(full, registered) == "CONFIRMED"
assert register(full, waitlisted) == "WAITLISTED"
n_known = samples + warm
delegates = [f"delegate-{tag}-{i}@example.org" for i in range(n_known)]
for d in delegates:
    register(open_programme, d)
accounts = [f"account-{tag}-{i}@example.org" for i in range(max(50, (n_known + 3) // 4))]
for a in accounts:
    api("POST", "/api/v1/users", {"email": a, "fullName": "Timing Account", "password": PASSWORD})
print(f"set up: {len(delegates)} delegates, {len(accounts)} accounts; load {open('/proc/loadavg').read().split()[:3]}")

counter = iter(range(10**9))
fresh = lambda kind: f"{kind}-{tag}-{next(counter)}@example.org"

# 1. Public registration (anonymous API): registered, waitlisted, unknown address.
report("Public registration, anonymous API (202 for everyone)", {
    "registered": lambda i: anonymous_registration(registered),
    "waitlisted": lambda i: anonymous_registration(waitlisted),
    "unknown": lambda i: anonymous_registration(fresh("unknown")),
}, samples)

# 2. Delegates' sign-in link: a registered delegate's first request, then again; an unknown one.
signin = Visitor("/my/sign-in")
first = iter(delegates)
report("Sign-in link, first request of a registered delegate (no directory row yet)", {
    "known": lambda i: signin.post("/my/sign-in", {"email": next(first)}),
    "unknown": lambda i: signin.post("/my/sign-in", {"email": fresh("nobody")}),
}, samples)
again = iter(delegates)
report("Sign-in link, a registered delegate again (directory row exists)", {
    "known": lambda i: signin.post("/my/sign-in", {"email": next(again)}),
    "unknown": lambda i: signin.post("/my/sign-in", {"email": fresh("nobody")}),
}, samples)

# 3. Password reset: an account's address, an unknown one.
forgot = Visitor("/login/forgot")
report("Password reset request", {
    "account": lambda i: forgot.post("/login/forgot", {"email": accounts[i % len(accounts)]}),
    "unknown": lambda i: forgot.post("/login/forgot", {"email": fresh("nobody")}),
}, samples)

# 4. Password sign-in, wrong password: an account (never locked: at most 4 tries each), unknown.
login = Visitor("/login")
tries = iter([a for _ in range(4) for a in accounts])
report("Sign-in with a wrong password", {
    "account": lambda i: login.post("/login", {"email": next(tries), "password": "wrong " + PASSWORD}),
    "unknown": lambda i: login.post("/login", {"email": fresh("nobody"), "password": "wrong " + PASSWORD}),
}, min(samples, 4 * len(accounts) - warm))
