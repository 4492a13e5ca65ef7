#!/usr/bin/env bash
# Sets up, checks formatting and lints (rustfmt; clippy on every crate natively and on the console
# for wasm, warnings as errors), then runs every test: native tests of all crates (the portal's API
# suite on SQLite, then again on a private PostgreSQL, with the two-instance tests), the browser
# tests of the console in headless Chromium, and the end-to-end tests of the release-built console
# against a real portal.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
bash scripts/setup.sh

step() { printf '\n[test] %s\n' "$*"; }

step "formatting (cargo fmt --check)"
cargo fmt --all --check

step "lints (clippy, warnings are errors): every crate natively, then the console for the browser"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p mdm-console --all-targets -- -D warnings

step "native tests (model, portal, console logic; stylesheets, document links, license)"
cargo test --workspace

step "the portal's tests again on PostgreSQL (a private cluster, removed afterwards)"
pg_dir=$(mktemp -d)
trap 'bash scripts/postgres.sh stop "$pg_dir" >/dev/null 2>&1 || true' EXIT
MDM_TEST_POSTGRES_URL=$(bash scripts/postgres.sh start "$pg_dir") cargo test -p mdm-portal --tests
bash scripts/postgres.sh stop "$pg_dir"
trap - EXIT

step "browser tests of the console (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown -p mdm-console

step "building the console (release) and the portal for the end-to-end tests"
trunk build --release
cargo build -p mdm-portal

step "end-to-end tests (headless Chromium against a running portal)"
mkdir -p artifacts/screenshots
PORTAL_BIN="$cargo_target/debug/mdm-portal" CONSOLE_DIST="$root/dist" SCREENSHOTS="$root/artifacts/screenshots" \
  node --test --test-concurrency=1 tests/e2e/*.test.mjs
