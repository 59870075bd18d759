#!/usr/bin/env bash
# Installs what the test suite talks to and that Maven cannot bring: a real Bluesky PDS (npm) and
# Debian's chromium for browser tests. Idempotent and cached, so a second run takes a second.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is missing and cannot be installed here (need root and apt-get); browser tests will fail." >&2
  fi
fi

scripts/pds.sh install >/dev/null
echo "Test dependencies ready: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), Bluesky PDS in $(scripts/pds.sh path)"
