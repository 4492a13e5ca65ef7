#!/usr/bin/env bash
# Installs every tool the console, the portal and the tests need, from the registries only.
# Idempotent: each step checks first, so a second run takes seconds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
export NODE_EXTRA_CA_CERTS=${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}
export PATH="$HOME/.cargo/bin:$tools/node_modules/.bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Versions that must match the project (why each is pinned is said where it is installed).
# wasm-bindgen: the CLI must equal the library in Cargo.lock (pinned with "=" in Cargo.toml).
wasm_bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' "$root/Cargo.lock")
trunk_version=0.21.14
binaryen_version=132.0.0

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

# Node.js and npm usually come with the machine; Debian's packages otherwise.
command -v npm >/dev/null 2>&1 || missing_node=1
# Debian packages: the browser and its driver for tests, a Japanese font so screenshots and
# printed help pages show text, poppler for PDF checks, brotli for size figures, PostgreSQL for
# the portal's tests against a real PostgreSQL (scripts/postgres.sh starts a private cluster).
missing=()
for pkg in chromium chromium-driver fonts-noto-cjk poppler-utils brotli postgresql; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
[ -n "${missing_node:-}" ] && missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  as_root apt-get update -qq
  # apt is chatty; keep its log and show it only when the install fails.
  apt_log=$(mktemp)
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >"$apt_log" 2>&1; then
    cat "$apt_log"; exit 1
  fi
  rm -f "$apt_log"
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wasm_bindgen_version" ]; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version"
  # Without --locked: the CLI's own lock names a crate version the registry mirror lacks.
  cargo install wasm-bindgen-cli --version "=$wasm_bindgen_version" --force
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$trunk_version" ]; then
  say "installing trunk $trunk_version (a few minutes)"
  # Trunk's fat-LTO release profile triples the build time for no runtime gain here.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "=$trunk_version" --locked --force
fi

if [ "$("$tools/node_modules/.bin/wasm-opt" --version 2>/dev/null | awk '{print $3}')" != "${binaryen_version%%.*}" ]; then
  say "installing wasm-opt from binaryen $binaryen_version"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --silent "binaryen@$binaryen_version"
fi

if [ ! -d "$root/tests/e2e/node_modules/playwright-core" ] || [ ! -d "$root/tests/e2e/node_modules/axe-core" ]; then
  say "installing the end-to-end test tools (playwright-core, which uses Debian's Chromium; axe-core)"
  npm ci --prefix "$root/tests/e2e" --no-audit --no-fund --silent
fi

say "tools ready"
