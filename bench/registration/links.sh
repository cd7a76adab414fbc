#!/usr/bin/env bash
# The link mails of the public path, per server in turn (bench/registration/servers.sh serves the jars):
# a warm-up pass, then a measured one: drain, anonymous submissions for DUR, then the time until every
# link is in the sink and the CPU used meanwhile. JFR=1 records the measured wait
# (target/bench/TAG-LABEL-wait.jfr; jfr print --events jdk.SocketRead shows waits on the SMTP port).
# Usage: bench/registration/links.sh TAG DUR label=jar[,ENV=value,...] ...   (env: PORT_AB, JFR, HOLD)
set -u
tag=$1 dur=$2; shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/target/bench; mkdir -p $out
port=${PORT_AB:-19740}
source $root/bench/registration/servers.sh
for ef in "${envs[@]}"; do for pass in warm measured; do
  source $ef; echo "[$pass]"; echo "$(basename $ef .env): backlog drained in $(drain 300) s, load $(cut -d' ' -f1-3 /proc/loadavg)"
  pgpid=$(sed -n 1p "$data/postgres/postmaster.pid")
  have=$(python3 $root/bench/registration/tokens.py $data/mail/messages.txt 2>/dev/null | wc -l)
  r=$(BENCH_RUN="$tag-$RANDOM" BENCH_PATH=/api/v1/programmes/$prog/registrations BENCH_TOKEN= \
    wrk -t2 -c32 -d$dur --timeout 30s --latency -s $root/bench/registration/organiser.lua $base | grep RESULT)
  echo "  submit: $r"
  n=$(echo "$r" | python3 -c "import re,sys; print(re.search(r'requests=([0-9]+)', sys.stdin.read()).group(1))")
  c0=$(python3 $root/bench/registration/cpu.py $pid $pgpid)
  [ "${JFR:-0}$pass" = 1measured ] && jcmd $pid JFR.start name=wait settings=profile >/dev/null
  t0=$(date +%s.%N)
  w=($(python3 $root/bench/registration/tokens.py --wait $((have + n)) $data/mail/messages.txt 900))
  t1=$(date +%s.%N)
  [ "${JFR:-0}$pass" = 1measured ] && jcmd $pid JFR.stop name=wait filename=$out/$tag-$(basename $ef .env)-wait.jfr >/dev/null
  c1=$(python3 $root/bench/registration/cpu.py $pid $pgpid)
  python3 -c "
a='$c0'.split(); b='$c1'.split(); t=$t1-$t0; k=${w[0]}-$have
print('  links: %d of %d in %.1f s = %.1f links/s; CPU meanwhile JVM %.1f s + PostgreSQL %.1f s (%.2f ms per link)' % (k, $n, t, k/t, float(b[0])-float(a[0]), float(b[1])-float(a[1]), 1000*(float(b[0])-float(a[0])+float(b[1])-float(a[1]))/max(k,1)))"
done; done
if [ -z "${HOLD:-}" ]; then for ef in "${envs[@]}"; do source $ef; kill $pid; done; fi
