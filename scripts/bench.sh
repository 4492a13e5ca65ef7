#!/usr/bin/env bash
# The browser benchmark (not part of the tests): builds the console (release) for its size
# figures and the benchmark page of its device table, then runs bench/run.mjs, which prints
# the figures and writes bench/results/latest.md. Options go to bench/run.mjs, e.g.
#   bash scripts/bench.sh --rounds 10 --warmup 2 --trace-rounds 5
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
bash scripts/setup.sh

step() { printf '\n[bench] %s\n' "$*"; }

step "building the console (release) for the size figures"
trunk build --release

step "building the benchmark page of the console's device table (release)"
(cd bench/table && trunk build --release)

if [ ! -d bench/node_modules/playwright-core ]; then
  step "installing the benchmark driver (playwright-core; it uses Debian's Chromium)"
  npm ci --prefix bench --no-audit --no-fund --silent
fi

step "running (about 10 minutes on 2 cores)"
CONSOLE_DIST="$root/dist" node bench/run.mjs "$@"
