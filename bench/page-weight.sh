#!/usr/bin/env bash
# Compressed bytes of a public page's HTML plus its stylesheet (goal: at most 14 KB, one round
# trip on a slow link). Usage: bench/page-weight.sh [base-url] [path]
set -euo pipefail
base=${1:-http://127.0.0.1:8080}
path=${2:-/programmes/iccpr-webinars-2021?lang=ru}
html=$(curl -s -H 'Accept-Encoding: gzip' "$base$path" | wc -c)
css=$(curl -s -H 'Accept-Encoding: gzip' "$base/assets/lectern.css" | wc -c)
js=$(curl -s -H 'Accept-Encoding: gzip' "$base/assets/lectern.js" | wc -c)
echo "HTML (gzip as served): $html bytes"
echo "CSS  (gzip as served): $css bytes"
echo "JS   (gzip as served, deferred, not needed to render): $js bytes"
echo "HTML + CSS: $((html + css)) bytes (goal <= 14336)"
