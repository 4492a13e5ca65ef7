# Sourced by the other scripts: where the project's tools live and how the tests find the browser.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$HOME/.cargo/bin:$root/.tools/node_modules/.bin:$PATH"
export NODE_EXTRA_CA_CERTS=${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}
# Trunk otherwise asks the network for its latest version at every build.
export TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
# The runner's default of 20 s covers the whole browser suite, far too little on 2 cores.
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}
cargo_target=${CARGO_TARGET_DIR:-$root/target}
