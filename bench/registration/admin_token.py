"""Gets an API token for the bootstrapped platform administrator of a fresh installation.

A platform administrator must have a second factor before creating API tokens, so this does what a
person would do once: signs in to the back office, sets up the authenticator app (TOTP, computed
here), then asks the API for a token with the app's next code. Prints the token.
Usage: admin_token.py BASE_URL EMAIL PASSWORD
"""
import base64
import hashlib
import hmac
import html
import http.cookiejar
import json
import re
import struct
import sys
import time
import urllib.parse
import urllib.request

base, email, password = sys.argv[1:4]
jar = http.cookiejar.CookieJar()
web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def page(path, form=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    with web.open(base + path, data) as r:
        return r.read().decode()


def csrf(text):
    return html.unescape(re.search(r'name="_csrf" value="([^"]*)"', text).group(1))


def totp(secret, step):
    key = base64.b32decode(secret.replace(" ", "").upper() + "=" * (-len(secret.replace(" ", "")) % 8))
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    o = digest[-1] & 15
    return "%06d" % ((struct.unpack(">I", digest[o:o + 4])[0] & 0x7FFFFFFF) % 1000000)


login = page("/login")
page("/login", {"_csrf": csrf(login), "email": email, "password": password})
setup = page("/admin/account/second-factor")
secret = html.unescape(re.search(r'id="secret" value="([^"]+)"', setup).group(1))
step = int(time.time()) // 30
page("/admin/account/second-factor", {"_csrf": csrf(setup), "code": totp(secret, step)})
# A code counts once: wait for the next one.
while int(time.time()) // 30 == step:
    time.sleep(0.5)
body = json.dumps({"email": email, "password": password, "name": "bench",
                   "otp": totp(secret, int(time.time()) // 30)}).encode()
req = urllib.request.Request(base + "/api/v1/auth/tokens", body,
                             {"Content-Type": "application/json"})
with urllib.request.urlopen(req) as r:
    print(json.load(r)["token"])
