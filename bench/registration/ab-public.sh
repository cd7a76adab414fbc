#!/usr/bin/env bash
# The public path side by side (like ab.sh for the organiser API): N jars served at once
# (bench/registration/serve.sh), each round: anonymous submissions (202) on every server in turn,
# then, once every server's links are in its mail sink, the confirmations (GET the link, POST its
# form) on every server in turn. A complete registration = submission + confirmation; its rate is
# n / (submission seconds + confirmation seconds). CPU of each server's JVM + PostgreSQL is counted
# over its two phases only (the link mails are sent in between, while nobody is measured). Before
# every measured phase each server's mail backlog is drained and the wait printed (on stderr).
# Usage: bench/registration/ab-public.sh TAG ROUNDS DURATION label=jar[,ENV=value,...] ...
#   env: WARM (8s) submissions per server before the rounds (their links followed too), CONNS (32),
#        HOLD=1 keeps the servers, JFR=1 records each measured phase (target/bench/TAG-LABEL-*.jfr)
set -u
tag=$1 rounds=$2 dur=$3; shift 3
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/target/bench; mkdir -p $out
port=${PORT_AB:-19600}
source $root/bench/registration/servers.sh
jfr() { # start|stop name
  [ "${JFR:-0}" = 1 ] || return 0
  if [ $1 = start ]; then jcmd $pid JFR.start name=$2 settings=profile >/dev/null
  else jcmd $pid JFR.stop name=$2 filename=$out/$tag-$2.jfr >/dev/null; fi
}
metric() { python3 -c "import re,sys; print(re.search(sys.argv[2]+r'=([0-9.]+)', sys.argv[1]).group(1))" "$1" "$2"; }
quiet() { # before every measured phase: every server's mail backlog drained (the organiser-style
  # mail jobs a confirmation leaves, link mails), so that no phase pays for another's mail
  local ef t
  for ef in "${envs[@]}"; do source $ef; t=$(drain 300); [ "$t" -gt 0 ] && echo "  $(basename $ef .env): backlog drained in $t s" >&2; done
  return 0
}
submit() { # envfile label duration -> prints "n seconds p99 cpu"
  quiet
  source $1
  local pgpid; pgpid=$(sed -n 1p "$data/postgres/postmaster.pid")
  local c0; c0=$(python3 $root/bench/registration/cpu.py $pid $pgpid)
  jfr start $2-sub
  local r; r=$(BENCH_RUN="$2-$RANDOM" BENCH_PATH=/api/v1/programmes/$prog/registrations BENCH_TOKEN= \
    wrk -t2 -c${CONNS:-32} -d$3 --timeout 30s --latency -s $root/bench/registration/organiser.lua $base | grep RESULT)
  jfr stop $2-sub
  local c1; c1=$(python3 $root/bench/registration/cpu.py $pid $pgpid)
  echo "$(metric "$r" requests) $(metric "$r" seconds) $(metric "$r" p99_ms) $(python3 -c "a='$c0'.split(); b='$c1'.split(); print(float(b[0])-float(a[0])+float(b[1])-float(a[1]))") ${r##*statuses=}"
}
waitlinks() { # envfile expected-total: waits for the links (tokens.py sleeps while the sink file
  # does not grow), then for the rest of the mail backlog, so that the next phase starts quiet
  source $1
  local w; w=($(python3 $root/bench/registration/tokens.py --wait $2 $data/mail/messages.txt 800))
  echo "  $(basename $1 .env): ${w[0]} of $2 links in ${w[1]} s, the rest of the backlog drained in $(drain 120) s" >&2
}
confirm() { # envfile label -> follows the links not followed yet; prints "n seconds p99 cpu"
  quiet
  source $1
  local pgpid; pgpid=$(sed -n 1p "$data/postgres/postmaster.pid")
  python3 $root/bench/registration/tokens.py $data/mail/messages.txt > $data/all-tokens.txt
  touch $data/used-tokens.txt
  grep -vxFf $data/used-tokens.txt $data/all-tokens.txt > $data/tokens.txt
  cat $data/tokens.txt >> $data/used-tokens.txt
  local c0; c0=$(python3 $root/bench/registration/cpu.py $pid $pgpid)
  jfr start $2-conf
  local all; all=$(BENCH_TOKENS=$data/tokens.txt BENCH_SLUG=bench-organiser \
    wrk -t2 -c${CONNS:-32} -d120s --timeout 30s --latency -s $root/bench/registration/confirm.lua $base)
  jfr stop $2-conf
  local c1; c1=$(python3 $root/bench/registration/cpu.py $pid $pgpid)
  local cw; cw=$(echo "$all" | grep CONFIRMED || echo "CONFIRMED n=0 seconds=1 rate=0")
  local r; r=$(echo "$all" | grep RESULT)
  echo "$(metric "$cw" n) $(metric "$cw" seconds) $(metric "$r" p99_ms) $(python3 -c "a='$c0'.split(); b='$c1'.split(); print(float(b[0])-float(a[0])+float(b[1])-float(a[1]))") ${r##*statuses=}"
}
declare -A expect
for i in "${!envs[@]}"; do expect[$i]=0; done
echo "load $(cut -d' ' -f1-3 /proc/loadavg); warm-up"
for i in "${!envs[@]}"; do
  s=($(submit ${envs[$i]} warm${labels[$i]} ${WARM:-8s})); expect[$i]=$(( ${expect[$i]} + ${s[0]} ))
done
for i in "${!envs[@]}"; do waitlinks ${envs[$i]} ${expect[$i]}; confirm ${envs[$i]} warm${labels[$i]} >/dev/null; done
for k in $(seq 1 $rounds); do
  declare -A subs
  for i in "${!envs[@]}"; do
    subs[$i]=$(submit ${envs[$i]} ${labels[$i]}$k $dur)
    s=(${subs[$i]}); expect[$i]=$(( ${expect[$i]} + ${s[0]} ))
  done
  for i in "${!envs[@]}"; do waitlinks ${envs[$i]} ${expect[$i]}; done
  for i in "${!envs[@]}"; do
    c=($(confirm ${envs[$i]} ${labels[$i]}$k)); s=(${subs[$i]})
    python3 -c "
n,ss,sp,sc=${s[0]},${s[1]},${s[2]},${s[3]}; m,cs,cp,cc=${c[0]},${c[1]},${c[2]},${c[3]}
print('[${labels[$i]}$k] submissions %d in %.1f s = %.1f/s p99 %.0f ms (%s); confirmations %d in %.1f s = %.1f/s p99 %.0f ms (%s); complete %.1f/s; CPU %.2f ms per complete (submission %.2f + confirmation %.2f)' % (
  n, ss, n/ss, sp, '${s[4]}', m, cs, m/cs, cp, '${c[4]}', min(n,m)/(ss+n/max(m/cs,0.001)), 1000*(sc/n+cc/max(m,1)), 1000*sc/n, 1000*cc/max(m,1)))"
  done
done
if [ -z "${HOLD:-}" ]; then for ef in "${envs[@]}"; do source $ef; kill $pid; done; fi
