#!/usr/bin/env bash
# Timing as a disclosure (SECURITY.md, "How it is tested"): Lectern from the jar, without demo data,
# on its embedded PostgreSQL (set up as bench/registration.sh does), then bench/timing.py times from
# outside, with many interleaved samples, the anonymous answers that must not tell whether an address
# is known: public registration of a registered / waitlisted / unknown address, the delegates'
# sign-in link and the password reset for a known / unknown address, a wrong password for an account
# / an unknown address. Compare the medians and the rank test, not single numbers.
# Usage: bench/timing.sh            (env: SAMPLES=300, BENCH_JAR=…, PORT_BENCH=21100)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export PORT_BENCH=${PORT_BENCH:-21100}
server_log=$root/target/bench/timing-server-$PORT_BENCH.log
mkdir -p "$root/target/bench"
source "$root/bench/registration/setup.sh"
capacity=1
full=$(new_programme "timing-full-$RANDOM")
capacity=1000000
open_programme=$(new_programme "timing-open-$RANDOM")
echo "jar: $jar"
python3 "$root/bench/timing.py" "$base" "$token" "$full" "$open_programme" "${SAMPLES:-300}"
echo "load after: $(load)"
