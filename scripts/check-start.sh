#!/usr/bin/env bash
# Checks that `npm start` serves the demo as the README says: starts it in the background on a
# free port (on a fresh clone it first installs the packages and builds dist/), waits for the URL it
# prints, fetches the demo pages and the built files, checks status and content, and always stops
# the server. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
pid=""
cleanup() {
  if [ -n "$pid" ]; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -f "$log"
}
trap cleanup EXIT INT TERM

fail() {
  echo "check-start: FAIL: $*" >&2
  echo "--- npm start output ---" >&2
  cat "$log" >&2 || true
  exit 1
}

# Not 8080 by default, so a developer's running `npm start` does not get in the way.
export PORT="${CHECK_PORT:-18080}"
# In a session of its own, so that stopping it stops npm, sh and node together.
setsid npm start >"$log" 2>&1 &
pid=$!

url=""
started=$SECONDS
# Installing and building on a fresh clone of a busy machine can take minutes.
for _ in $(seq 1 1800); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/demo/' "$log" | head -n1 || true)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || fail "npm start exited before printing the demo URL"
  sleep 0.5
done
[ -n "$url" ] || fail "no demo URL printed within 900 s"
base="${url%demo/}"
grep -E '^(setup|build): .* in [0-9.]+ s' "$log" | sed 's/^/check-start: /' || true
echo "check-start: server up after $((SECONDS - started)) s, demo at $url"

# fetch PATH EXPECTED-TEXT [HEADER-PATTERN]
fetch() {
  local path="$1" want="$2" header="${3:-}" body headers code
  body=$(mktemp)
  headers=$(mktemp)
  code=$(curl -sS -o "$body" -D "$headers" -w '%{http_code}' "$base$path") || { rm -f "$body" "$headers"; fail "could not fetch $path"; }
  if [ "$code" != 200 ]; then rm -f "$body" "$headers"; fail "$path answered HTTP $code"; fi
  if ! grep -qF -- "$want" "$body"; then rm -f "$body" "$headers"; fail "$path does not contain '$want'"; fi
  if [ -n "$header" ] && ! grep -qiE -- "$header" "$headers"; then rm -f "$body" "$headers"; fail "$path lacks header /$header/"; fi
  echo "check-start: ok  $path ($(wc -c <"$body") bytes)"
  rm -f "$body" "$headers"
}

csp="^content-security-policy: .*script-src 'self'"
fetch demo/ '<bj-policy-search' "$csp"
fetch demo/index.html '../dist/bj-policy-widgets' "$csp"
fetch demo/index.html 'lang="zh-Hans"'
fetch demo/en.html '<bj-keyword' "$csp"
fetch demo/en.html 'lang="en"'
fetch demo/reference.html 'reference.js' "$csp"
fetch demo/reference.js 'custom-elements.json' '^content-type: text/javascript'
fetch demo/demo.css 'bj-' '^content-type: text/css'
fetch dist/bj-policy-widgets.js 'bj-keyword' '^content-type: text/javascript'
# The classic script imports the ES loader next to itself; the search worker is its own file.
fetch dist/bj-policy-widgets.iife.js 'bj-policy-widgets.js' '^cache-control: no-cache'
fetch dist/search-worker.js 'postMessage' '^content-type: text/javascript'
fetch dist/search.js 'export' '^content-type: text/javascript'
fetch dist/bj-index.json '"terms"' '^content-type: application/json'
fetch dist/custom-elements.json '"tagName"' '^content-type: application/json'
fetch dist/bj-policy-widgets.js.map '"mappings"' '^content-type: application/json'
fetch demo/screenshot.png 'PNG' '^content-type: image/png'

# Nothing outside the repository.
code=$(curl -sS -o /dev/null -w '%{http_code}' --path-as-is "${base}../../../../etc/passwd")
[ "$code" = 403 ] || [ "$code" = 404 ] || fail "path traversal answered HTTP $code"
code=$(curl -sS -o /dev/null -w '%{http_code}' "${base}%2e%2e/%2e%2e/etc/passwd")
[ "$code" = 403 ] || [ "$code" = 404 ] || fail "encoded path traversal answered HTTP $code"
echo "check-start: ok  path traversal refused"
echo "check-start: all good"
