"""A minimal SMTP sink for the benchmark: accepts every message and appends it to one file."""
import os
import socketserver
import sys
import threading

port, directory = int(sys.argv[1]), sys.argv[2]
os.makedirs(directory, exist_ok=True)
lock = threading.Lock()
out = open(os.path.join(directory, "messages.txt"), "ab")
# Connections and messages so far, printed every 500 messages (issue 16, tenth pass: connections
# per 1,000 mails, now that Lectern keeps a connection across batches).
counts = {"connections": 0, "messages": 0}


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        with lock:
            counts["connections"] += 1
        self.wfile.write(b"220 sink ESMTP\r\n")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.wfile.write(b"250-sink\r\n250 8BITMIME\r\n")
            elif verb == b"DATA":
                self.wfile.write(b"354 go on\r\n")
                chunks = []
                while True:
                    d = self.rfile.readline()
                    if not d or d == b".\r\n":
                        break
                    chunks.append(d)
                with lock:
                    out.write(b"".join(chunks) + b"\r\n=====END=====\r\n")
                    out.flush()
                    counts["messages"] += 1
                    if counts["messages"] % 500 == 0:
                        print("sink: %(messages)d messages over %(connections)d connections" % counts, flush=True)
                self.wfile.write(b"250 queued\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")
            self.wfile.flush()


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


Server(("127.0.0.1", port), Handler).serve_forever()
