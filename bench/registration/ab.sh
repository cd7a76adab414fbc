#!/usr/bin/env bash
# A/B (or N-way) in one run: servers side by side (bench/registration/serve.sh), organiser phases
# rotating 1, 2, ..., N, 1, 2, ...; CPU of each server's JVM + PostgreSQL from /proc, counted from
# the start of a phase until its mail backlog is drained. Same neighbours for every jar.
# Usage: bench/registration/ab.sh TAG ROUNDS DURATION label=jar[,ENV=value,...] ...
#   e.g. ab.sh pool 3 15s p8=target/x.jar,LECTERN_DB_POOL_SIZE=8 p20=target/x.jar
#   env: WARM (30s) and WARMS (2) warm-up phases per server, CONNS (32), HOLD=1 keeps the servers,
#        PORT_AB (18700) the first port (three per server), THREADS=1 also prints each phase's JVM
#        threads by CPU (bench/registration/threads.py) from its start until its backlog is drained,
#        with milliseconds per registration of each thread group
set -u
tag=$1 rounds=$2 dur=$3; shift 3
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/target/bench; mkdir -p $out
port=${PORT_AB:-18700}
source $root/bench/registration/servers.sh
run() { # envfile label duration
  source $1
  local pgpid; pgpid=$(sed -n 1p "$data/postgres/postmaster.pid")
  local c0; c0=$(python3 $root/bench/registration/cpu.py $pid $pgpid)
  local l0; l0=$(cut -d' ' -f1 /proc/loadavg)
  [ -n "${THREADS:-}" ] && python3 $root/bench/registration/threads.py $pid > $out/$tag-threads0.txt
  local r; r=$(BENCH_RUN="$2-$RANDOM" BENCH_PATH=/api/v1/programmes/$prog/registrations BENCH_TOKEN=$token \
    wrk -t2 -c${CONNS:-32} -d$3 --timeout 30s --latency -s $root/bench/registration/organiser.lua $base | grep RESULT)
  local t; t=$(drain 120)
  local c1; c1=$(python3 $root/bench/registration/cpu.py $pid $pgpid)
  local n; n=$(echo "$r" | sed -E 's/.* requests=([0-9]+).*/\1/')
  python3 -c "
import re
r='''$r'''
g=lambda k: re.search(k+r'=([0-9.]+)', r).group(1)
j0,p0=map(float,'$c0'.split()); j1,p1=map(float,'$c1'.split()); n=$n
if '${THREADS:-}':
  import subprocess
  print(subprocess.run(['python3', '$root/bench/registration/threads.py', '$pid', '$out/$tag-threads0.txt', str(n)], capture_output=True, text=True).stdout.rstrip())
print('[$2] load %s->%s rate %s/s p50 %s p99 %s ms, n=%d, drained %ss: CPU %.2f ms/reg (Lectern %.2f + PG %.2f) %s' % ('$l0', open('/proc/loadavg').read().split()[0], g('rate'), g('p50_ms'), g('p99_ms'), n, '$t', 1000*((j1-j0)+(p1-p0))/n, 1000*(j1-j0)/n, 1000*(p1-p0)/n, r.split('statuses=')[1]))"
}
echo "load $(cut -d' ' -f1-3 /proc/loadavg); warm-up"
for w in $(seq 1 ${WARMS:-2}); do for i in "${!envs[@]}"; do run ${envs[$i]} warm${labels[$i]} ${WARM:-30s} >/dev/null; done; done
for k in $(seq 1 $rounds); do for i in "${!envs[@]}"; do run ${envs[$i]} ${labels[$i]}$k $dur; done; done
if [ -z "${HOLD:-}" ]; then for ef in "${envs[@]}"; do source $ef; kill $pid; done; fi
