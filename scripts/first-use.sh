#!/usr/bin/env bash
# First use over a phone's network (not a test; prints figures): builds the console (release)
# unless --no-build, starts a portal with the demo tenant serving it, and runs bench/first-use.mjs
# (headless Chromium, no cache, three network profiles). Options:
#   --dist DIR     measure another build of the console (for a before/after comparison)
#   --no-build     use dist/ as it is
#   --label TEXT   name of the run in the output;  --rounds N   rounds per profile (default 3)
#   --out FILE     also write the table to FILE
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"

dist="$root/dist"
build=1
passed=()
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) dist=$(cd "$2" && pwd); build=0; shift 2 ;;
    --no-build) build=0; shift ;;
    *) passed+=("$1"); shift ;;
  esac
done

if [ "$build" = 1 ]; then
  bash scripts/setup.sh
  echo "[first-use] building the console (release)"
  trunk build --release
fi
echo "[first-use] building the portal"
cargo build -q -p mdm-portal
if [ ! -d bench/node_modules/playwright-core ]; then
  npm ci --prefix bench --no-audit --no-fund --silent
fi

work=$(mktemp -d)
log="$work/portal.log"
"$cargo_target/debug/mdm-portal" --addr 127.0.0.1:0 --db "$work/portal.sqlite3" --dist "$dist" --seed \
  >"$log" 2>&1 &
portal=$!
trap 'kill "$portal" 2>/dev/null; wait "$portal" 2>/dev/null; rm -rf "$work"' EXIT
url=""
for _ in $(seq 1 300); do
  url=$(grep -o 'portal listening on http://[^ ]*' "$log" | head -n1 | awk '{print $4}') || true
  [ -n "$url" ] && break
  sleep 0.2
done
[ -n "$url" ] || { cat "$log"; echo "[first-use] the portal did not start" >&2; exit 1; }
echo "[first-use] portal at $url serving $dist"
node bench/first-use.mjs "$url" "${passed[@]}"
