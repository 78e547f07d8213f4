#!/usr/bin/env bash
# One-command setup on a fresh Debian machine: the two test browsers (from Debian, only when
# missing) and the npm packages. Never downloads a browser build.
set -euo pipefail
cd "$(dirname "$0")/.."
export PUPPETEER_SKIP_DOWNLOAD=1

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 || need+=(firefox-esr)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]} from Debian"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi

# `npm install`, not `npm ci`: npm 11 rejects this lockfile in `ci` for optional platform packages
# it never resolved here (npm/cli#9846); install still follows the lockfile.
npm install --no-audit --no-fund
echo "setup: done. Run 'npm start' for the demo and 'npm test' for the tests."
