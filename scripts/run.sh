#!/usr/bin/env bash
# Sets up, builds the console in release, and runs the portal serving it with a seeded demo tenant.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
bash scripts/setup.sh
echo "[run] building the console (release)"
trunk build --release
echo "[run] building the portal"
cargo build --profile portal -p mdm-portal
mkdir -p data
cat <<MSG

  MDM console:  http://127.0.0.1:8080/
  Demo login:   admin / Demo#2026   (second administrator: operator / Operator#2026)
  Simulated devices act 60x faster than real ones (--time-scale 60), so wipe jobs
  visibly progress; job times follow your own clock. Stop with Ctrl-C. Data is kept in data/portal.sqlite3.

MSG
exec "$cargo_target/portal/mdm-portal" --addr 127.0.0.1:8080 --db data/portal.sqlite3 --dist dist --seed --time-scale 60 "$@"
