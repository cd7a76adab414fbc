# Shared by bench/registration/ab.sh and ab-public.sh (sourced, with $root, $out, $tag and $port
# set): serves each "label=jar[,ENV=value,...]" argument with serve.sh on its own ports, sets
# labels[] and envs[] (one ENVFILE per server) and returns once every server is set up.
# backlog/drain: the mail work a phase leaves behind (the organiser's mail jobs, the public path's
# unsettled requests, event publications, unsent outbox mail), so that one phase's background work
# is not measured in the next one.
labels=(); envs=()
for spec in "$@"; do
  label=${spec%%=*}; rest=${spec#*=}; jar=${rest%%,*}; extra=""
  [ "$rest" != "$jar" ] && extra=$(echo "${rest#*,}" | tr ',' ' ')
  ef=$out/$tag-$label.env; rm -f $ef
  env $extra ENVFILE=$ef BENCH_JAR=$jar PORT_BENCH=$port bash $root/bench/registration/serve.sh > $out/$tag-$label.log 2>&1 &
  labels+=("$label"); envs+=("$ef"); port=$((port + 10))
  echo "$label: $jar $extra"
done
for ef in "${envs[@]}"; do for _ in $(seq 1 900); do [ -s $ef ] && break; sleep 1; done; done
psq() { psql -h 127.0.0.1 -p $pgport -U postgres -d postgres -Atq -c "$1" 2>/dev/null; }
backlog() { # of the server whose envfile was sourced last
  psq "select (select count(*) from mail_outbox_due)
    + (select count(*) from event_publication where completion_date is null)
    + (select count(*) from registration_mail_job)
    + (select count(*) from registration_request where token_hash is null and entry is not null)"
}
drain() { # [seconds] -> prints the seconds waited until nothing is left (or the limit)
  local t=0 left
  for t in $(seq 0 ${1:-300}); do
    left=$(backlog)
    [ "${left:-0}" = 0 ] && break; sleep 1
  done
  echo $t
}
