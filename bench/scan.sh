#!/usr/bin/env bash
# Runs Debian's web scanners against a local Lectern with the demo data, on loopback only:
#   wapiti (crawl + attack modules) on the public site and, signed in as the demo organiser, on the
#   back office; sqlmap on the parameters that reach SQL (catalogue, API lists and search, audit
#   filters, certificate check, the public registration form).
# Findings go to one file (default target/scan/findings.txt): a summary first, then each tool's
# report. Installs wapiti and sqlmap with apt-get when missing.
# Usage: bench/scan.sh [findings-file]
#   SCAN_PORT (default 18180), WAPITI_SECONDS (crawl limit per run, default 600),
#   WAPITI_ATTACK_SECONDS (per attack module, default 60), SQLMAP_LEVEL (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-target/scan/findings.txt}")
port=${SCAN_PORT:-18180}
base="http://127.0.0.1:$port"
mkdir -p "$(dirname "$out")"
work=$(mktemp -d)
pid=""
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT

for tool in wapiti sqlmap; do
  if ! command -v "$tool" >/dev/null; then
    if [ "$(id -u)" = 0 ]; then apt-get install -y "$tool"; else sudo apt-get install -y "$tool"; fi
  fi
done

jar=$(ls target/lectern-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -q -DskipTests -Dspotbugs.skip=true package; jar=$(ls target/lectern-*.jar | grep -v original | head -1); fi

echo "starting Lectern with the demo data on $base"
SERVER_ADDRESS=127.0.0.1 PORT=$port LECTERN_MANAGEMENT_PORT=$((port + 1)) \
  LECTERN_DATA_DIR="$work/data" LECTERN_DEMO=true LECTERN_BASE_URL="$base" \
  java -Xmx768m -jar "$jar" >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  curl -sf "$base/actuator/health" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { tail -50 "$work/app.log"; exit 1; }
  sleep 1
done
curl -sf "$base/actuator/health" >/dev/null

organiser='organiser@demo.lectern.example'
password='demo-organiser-2021'
token=$(curl -sf -X POST "$base/api/v1/auth/tokens" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$organiser\",\"password\":\"$password\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
programme=$(curl -sf "$base/api/v1/programmes" -H "Authorization: Bearer $token" |
  python3 -c 'import json,sys; d=json.load(sys.stdin); items=d["items"] if isinstance(d,dict) else d; print(items[0]["id"])')

# A browser session of the organiser for the back office, as wapiti's JSON cookie file.
jar_file="$work/cookies.txt"
csrf=$(curl -sf -c "$jar_file" -b "$jar_file" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//;s/&#61;/=/g;s/&#43;/+/g;s|&#47;|/|g')
curl -sf -o /dev/null -c "$jar_file" -b "$jar_file" -X POST "$base/login" \
  --data-urlencode "email=$organiser" --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf"
session=$(awk '$6 == "SESSION" || $6 == "JSESSIONID" {print $6"="$7}' "$jar_file" | tail -1)
python3 - "$work/cookies-for-wapiti.json" "${session%%=*}" "${session#*=}" <<'EOF'
import json, sys
path, name, value = sys.argv[1:4]
cookie = {"value": value, "version": 0, "expires": None, "secure": False, "port": None}
json.dump({"127.0.0.1": {"/": {name: cookie}}}, open(path, "w"))
EOF

seconds=${WAPITI_SECONDS:-600}
attack=${WAPITI_ATTACK_SECONDS:-60}
modules=sql,timesql,xss,permanentxss,exec,file,crlf,redirect,xxe,ssrf,csrf,htaccess,methods,backup,http_headers,cookieflags,csp
echo "wapiti: public site (at most ${seconds}s)"
# (No -x exclusions: Debian's wapiti 3.0.4 fails on Python 3.11 when any is given.)
wapiti -u "$base/" --scope folder -f json -o "$work/wapiti-public.json" --flush-session \
  --max-scan-time "$seconds" --max-attack-time "$attack" -m "$modules" -t 10 \
  -v 0 --no-bugreport --store-session "$work/wapiti" >"$work/wapiti-public.log" 2>&1 || true
echo "wapiti: back office as the demo organiser (at most ${seconds}s)"
wapiti -u "$base/admin" --scope folder -c "$work/cookies-for-wapiti.json" -f json \
  -o "$work/wapiti-admin.json" --flush-session --max-scan-time "$seconds" \
  --max-attack-time "$attack" -m "$modules" -t 10 -v 0 --no-bugreport --store-session "$work/wapiti" >"$work/wapiti-admin.log" 2>&1 || true

level=${SQLMAP_LEVEL:-2}
sqlmap_run() {
  local name=$1; shift
  echo "sqlmap: $name"
  sqlmap --batch --level "$level" --risk 1 --timeout 15 --retries 1 --flush-session \
    --output-dir "$work/sqlmap" "$@" >"$work/sqlmap-$name.log" 2>&1 || true
}
bearer="Authorization: Bearer $token"
sqlmap_run catalogue -u "$base/?q=law&lang=ru"
sqlmap_run programmes-api -u "$base/api/v1/programmes?limit=5&offset=0" -H "$bearer"
sqlmap_run registrations-api -u "$base/api/v1/programmes/$programme/registrations?search=ali&status=CONFIRMED&limit=5&offset=0" -H "$bearer"
sqlmap_run verify -u "$base/verify/ABCD*" -H "Accept-Language: en" --ignore-code 404
sqlmap_run audit -u "$base/admin/audit?person=ali&action=registration.exported&programme=&from=&to=" --cookie "$session"
sqlmap_run forgot -u "$base/login/forgot" --method POST --data "email=ali%40example.org&_csrf=x" \
  --csrf-token _csrf --csrf-url "$base/login/forgot" --skip _csrf
# The public registration form of a programme that takes registrations.
open_slug=""
for s in $(curl -sf "$base/api/v1/programmes" | python3 -c 'import json,sys; d=json.load(sys.stdin); items=d["items"] if isinstance(d,dict) else d; print(" ".join(i["slug"] for i in items))'); do
  if curl -sf "$base/programmes/$s/register" | grep -q 'name="fullName"'; then open_slug=$s; break; fi
done
if [ -n "$open_slug" ]; then
  sqlmap_run register -u "$base/programmes/$open_slug/register" --method POST \
    --data "fullName=Ali&email=ali%40example.org&consent=on&_csrf=x" --csrf-token _csrf \
    --csrf-url "$base/programmes/$open_slug/register" --skip _csrf
fi
{
  echo "# Lectern scan $(date -u +%Y-%m-%dT%H:%M:%SZ): wapiti $(wapiti --version 2>/dev/null | tail -1), sqlmap $(sqlmap --version 2>/dev/null | tail -1)"
  echo "# target: $base (demo data), signed in as $organiser where noted"
  echo
  echo "## Summary"
  python3 - "$work"/wapiti-*.json <<'EOF'
import json, sys
names = {0: "info", 1: "low", 2: "medium", 3: "high", 4: "critical"}
for path in sys.argv[1:]:
    try:
        report = json.load(open(path))
    except Exception as e:
        print(f"{path.split('/')[-1]}: no report ({e.__class__.__name__})")
        continue
    info = report.get("infos", {})
    print(f"{path.split('/')[-1]}: crawled {info.get('crawled_pages_nbr', '?')} pages")
    for section in ("vulnerabilities", "anomalies", "additionals"):
        for kind, items in sorted(report.get(section, {}).items()):
            for v in items:
                print(f"  [{section[:-1]}, {names.get(v.get('level'), v.get('level'))}] {kind}: "
                      f"{v.get('method')} {v.get('path')} {v.get('parameter', '')} — {v.get('info', '')[:160]}")
EOF
  for f in "$work"/sqlmap-*.log; do
    name=$(basename "$f" .log)
    if grep -q "is vulnerable\|sqlmap identified the following injection point" "$f"; then
      echo "$name: INJECTABLE"; grep -A6 "identified the following injection point" "$f"
    else
      echo "$name: no injection found ($(grep -c "testing '" "$f") tests; $(grep -m1 -o "all tested parameters do not appear to be injectable\|[0-9]* HTTP(s) requests" "$f" || echo 'see log'))"
    fi
  done
  echo
  for f in "$work"/wapiti-*.log "$work"/sqlmap-*.log; do
    echo "## $(basename "$f")"
    tail -40 "$f"
    echo
  done
  echo "## Server errors logged during the scan"
  grep -c " ERROR " "$work/app.log" || true
  grep " ERROR " "$work/app.log" | cut -c1-300 | sort | uniq -c | sort -rn | head -20 || true
} >"$out"
echo "findings written to $out"
