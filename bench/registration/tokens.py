"""Confirmation tokens from the mail sink's file (messages are MIME, often quoted-printable).

Usage: tokens.py FILE                 prints every token, one a line
       tokens.py --wait N FILE [SECS]  waits (at most SECS, default 800) until FILE holds N tokens,
                                       then prints how many it holds and how long it waited

Waiting reads only what the sink appended since the last look (each message is parsed once) and
sleeps while the file does not grow: it used to re-parse the whole file every two seconds, a whole
core taken from the server while the link mails were being sent.
"""
import email, email.policy, os, re, sys, time

END = b"\r\n=====END=====\r\n"
LINK = re.compile(r"register/confirm\?token=([A-Za-z0-9_-]+)")


class Reader:
    def __init__(self, path):
        self.path, self.offset, self.rest, self.seen, self.order = path, 0, b"", set(), []

    def poll(self):
        """Parses the messages appended since the last call; returns whether the file grew."""
        try:
            size = os.path.getsize(self.path)
        except OSError:
            return False
        if size <= self.offset:
            return False
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            chunk = f.read(size - self.offset)
        self.offset = size
        parts = (self.rest + chunk).split(END)
        self.rest = parts.pop()  # an incomplete last message waits for the rest of it
        for m in parts:
            if m.strip():
                self.message(m)
        return True

    def message(self, raw):
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                for t in LINK.findall(part.get_content()):
                    if t not in self.seen:
                        self.seen.add(t)
                        self.order.append(t)


if sys.argv[1] == "--wait":
    wanted, reader = int(sys.argv[2]), Reader(sys.argv[3])
    limit = float(sys.argv[4]) if len(sys.argv) > 4 else 800
    t0 = time.monotonic()
    while len(reader.seen) < wanted and time.monotonic() - t0 < limit:
        if not reader.poll():
            time.sleep(0.5)
    print("%d %.1f" % (len(reader.seen), time.monotonic() - t0))
else:
    reader = Reader(sys.argv[1])
    reader.poll()
    for t in reader.order:
        print(t)
