#!/usr/bin/env bash
# Makes sure the browsers the end-to-end suites and the demo drive are here:
# Debian's chromium and firefox-esr (142 or later; bookworm-security has it).
# As root on Debian it installs what is missing; elsewhere it says what to do.
# Usage: scripts/ensure-browsers.sh [chromium] [firefox-esr]  (default: both)
set -euo pipefail
wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=(chromium firefox-esr)
missing=()
for package in "${wanted[@]}"; do
  [ -x "/usr/bin/$package" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's ${missing[*]} (needed by the browser tests and the demo)…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Missing /usr/bin/${missing[*]}: install Debian's ${missing[*]} (sudo apt-get install ${missing[*]})," >&2
  echo "or point CHROMIUM_PATH / FIREFOX_PATH at your own builds." >&2
  [ -n "${CHROMIUM_PATH:-}${FIREFOX_PATH:-}" ] || exit 1
fi
