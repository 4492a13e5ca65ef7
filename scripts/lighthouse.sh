#!/usr/bin/env bash
# Lighthouse's accessibility and best-practices scores of the devices and jobs pages, against a
# freshly seeded portal serving the release-built console. A report for ACCESSIBILITY.md, not part
# of the tests: it prints the scores and the audits that lost points.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
bash scripts/setup.sh
if [ ! -d tests/lighthouse/node_modules/lighthouse ]; then
  echo "[lighthouse] installing lighthouse (npm, pinned in tests/lighthouse/package-lock.json)"
  npm ci --prefix tests/lighthouse --no-audit --no-fund --silent
fi
[ -f dist/index.html ] || trunk build --release
cargo build -p mdm-portal
PORTAL_BIN="$cargo_target/debug/mdm-portal" CONSOLE_DIST="$root/dist" node tests/lighthouse/run.mjs
