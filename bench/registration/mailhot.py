"""The mail threads' samples of a JFR recording taken apart (issue 16, eighth pass): composing
(thread registration-mail) and sending (db-scheduler's pool), each by what the sample was doing.
Usage: mailhot.py recording.jfr [top]"""
import collections, re, subprocess, sys
rec, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", rec],
                      capture_output=True, text=True).stdout
# First match from the top of the stack wins: what the sample was doing, not who asked.
WHAT = [("crypto (Tink/JCA)", ("com.google.crypto.tink", "javax.crypto", "com.sun.crypto", "sun.security")),
        ("JDBC driver", ("org.postgresql",)), ("Hikari", ("com.zaxxer.hikari",)),
        ("jte", ("gg.jte",)), ("messages", ("org.springframework.context.support", "java.text.MessageFormat")),
        ("calendar", ("net.fortuna",)), ("socket", ("sun.nio.ch", "java.net.Socket", "sun.nio")),
        ("mail encoding", ("org.eclipse.angus.mail.util", "jakarta.mail.internet.MimeUtility",
                           "org.lectern.notification.MimeBytes")),
        ("mail", ("jakarta.mail", "org.eclipse.angus", "jakarta.activation", "org.springframework.mail")),
        ("date/time format", ("java.time.format",)), ("logging", ("ch.qos.logback", "org.slf4j"))]
STEP = [("compose: render (MailRenderer)", "MailRenderer."), ("compose: wording/frame", ("MailFrame.", "Wording.")),
        ("compose: facts/calendar", ("ProgrammeFactsLoader.", "MailFiles.store", "RegistrationMails.calendarFile")),
        ("compose: queue (encrypt+insert)", ("Outbox.enqueueAll", "OutboxRepository.insertAll")),
        ("compose: contacts/addresses", ("DelegateRegistrations", "RegistrationMails.remember", "DelegateAccounts")),
        ("send: claim (select+decrypt to)", "OutboxRepository.claimDue"), ("send: open (decrypt+files)", "OutboxRepository.open"),
        ("send: pace/undeliverable", ("MailPace.", "UndeliverableAddresses.")),
        ("send: build MIME", ("OutboxSender.mime", "OutgoingMime")), ("send: SMTP connect/QUIT", ("SmtpBatch.connect", "SmtpConnections.", "Service.connect",
                                      "SMTPTransport.close")),
        ("send: SMTP (save+write)", "SmtpBatch."),
        ("send: mark sent/failed", ("Repository.markSent", "Repository.markAttemptFailed"))]
def classify(frames, table):
    for f in frames:
        for name, keys in table:
            keys = keys if isinstance(keys, tuple) else (keys,)
            if any(k in f for k in keys):
                return name
    return "other"
groups = collections.defaultdict(lambda: (collections.Counter(), collections.Counter(), collections.Counter()))
count = collections.Counter(); allc = 0
for ev in text.split("jdk.ExecutionSample")[1:]:
    m = re.search(r'sampledThread = "([^"]+)"', ev)
    frames = re.findall(r"^\s+([\w$.<>/]+)\(", ev, re.M)
    if not m or not frames:
        continue
    allc += 1
    th = m.group(1)
    g = "compose" if th.startswith("registration-mail") else "send" if th.startswith("db-scheduler") else None
    if g is None:
        continue
    count[g] += 1
    steps, whats, selfs = groups[g]
    steps[classify(frames, STEP)] += 1
    whats[classify(frames, WHAT)] += 1
    selfs[frames[0]] += 1
print(f"samples: {allc} in all; mail threads: compose {count['compose']} ({100*count['compose']/max(allc,1):.1f} %), send {count['send']} ({100*count['send']/max(allc,1):.1f} %)")
for g in ("compose", "send"):
    steps, whats, selfs = groups[g]; n = max(count[g], 1)
    print(f"-- {g}: by step --   " + ", ".join(f"{k} {100*v/n:.0f} %" for k, v in steps.most_common()))
    print(f"-- {g}: by what --   " + ", ".join(f"{k} {100*v/n:.0f} %" for k, v in whats.most_common()))
    print(f"-- {g}: top frames (self) --")
    for f, c in selfs.most_common(top):
        print(f"   {100*c/n:5.1f} %  {f}")
