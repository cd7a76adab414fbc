"""Confirmation tokens from the mail sink's file (messages are MIME, often quoted-printable)."""
import email, email.policy, re, sys
raw = open(sys.argv[1], "rb").read().split(b"\r\n=====END=====\r\n")
seen = set()
for m in raw:
    if not m.strip():
        continue
    msg = email.message_from_bytes(m, policy=email.policy.default)
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            for t in re.findall(r"register/confirm\?token=([A-Za-z0-9_-]+)", part.get_content()):
                if t not in seen:
                    seen.add(t)
                    print(t)
