#!/usr/bin/env bash
# The README's test command on a fresh Debian/Ubuntu machine with Node 20: installs what the suites
# need and is missing (Redis, Chromium's headless shell, an emoji font for the screenshots, pdftotext to read case
# files back), installs the locked npm tree, starts Redis on 127.0.0.1:6379 if nothing answers there, then runs `npm test` (arguments
# are passed on). People who already have Redis and Chromium can run plain `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n=== %s\n' "$1"; }

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# The browser tests use Chromium's headless shell when it is there (test/support/browser.ts says why):
# half the CPU of the full browser. Where apt has no such package, the full Chromium.
command -v chromium-headless-shell >/dev/null 2>&1 || missing+=(chromium-headless-shell)
fc-list 2>/dev/null | grep -qi 'color emoji' || missing+=(fonts-noto-color-emoji)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing ${missing[*]} and no apt-get here: install them with your package manager, then run npm test." >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "Missing ${missing[*]}: run this as root or install them (apt-get install ${missing[*]}), then run npm test." >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  if [[ " ${missing[*]} " == *" chromium-headless-shell "* ]] && ! apt-cache show chromium-headless-shell >/dev/null 2>&1; then
    rest=()
    for p in "${missing[@]}"; do [ "$p" = chromium-headless-shell ] || rest+=("$p"); done
    command -v chromium >/dev/null 2>&1 || rest+=(chromium)
    missing=("${rest[@]}")
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

say "npm ci"
npm ci --no-audit --no-fund

say "redis on 127.0.0.1:6379"
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 100); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.1; done
fi
redis-cli -h 127.0.0.1 -p 6379 ping

say "npm test"
npm test -- "$@"
