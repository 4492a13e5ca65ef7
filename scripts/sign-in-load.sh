#!/usr/bin/env bash
# The sign-in load check of SECURITY.md: builds the portal as it runs in production (profile
# `portal`, standard argon2id cost), then floods its credential endpoints from the loopback
# and prints resident memory and a signed-in administrator's device-list latency.
# A measurement, not a test: it prints figures; nothing here passes or fails on time.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
cargo build --profile portal -p mdm-portal
exec node scripts/sign-in-load.mjs "$cargo_target/portal/mdm-portal" "$@"
