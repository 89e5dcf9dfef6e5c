#!/usr/bin/env bash
# Makes sure what the end-to-end suites and the demo drive is here: Debian's
# chromium and firefox-esr (142 or later; bookworm-security has it), and
# xvfb and xdotool for the suite that presses the browser's own shortcut keys
# for real (tests/e2e/real-keys.test.ts skips, saying so, without them), and
# chromium-l10n for the card in a Korean and a Traditional Chinese browser
# (tests/e2e/card-languages.test.ts skips without it).
# As root on Debian it installs what is missing; elsewhere it says what to do.
# Usage: scripts/ensure-browsers.sh [chromium] [chromium-l10n] [firefox-esr] [xvfb] [xdotool]  (default: all)
set -euo pipefail
wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=(chromium chromium-l10n firefox-esr xvfb xdotool)
binary() {
  case "$1" in
    xvfb) echo /usr/bin/Xvfb ;;
    chromium-l10n) echo /usr/lib/chromium/locales/ko.pak ;;
    *) echo "/usr/bin/$1" ;;
  esac
}
missing=()
for package in "${wanted[@]}"; do
  [ -e "$(binary "$package")" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's ${missing[*]} (needed by the browser tests and the demo)…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
browsers=()
for package in "${missing[@]}"; do
  case "$package" in
    xvfb | xdotool | chromium-l10n) echo "No $package: the suites that need it will skip (sudo apt-get install $package)." >&2 ;;
    *) browsers+=("$package") ;;
  esac
done
[ ${#browsers[@]} -eq 0 ] && exit 0
echo "Missing /usr/bin/${browsers[*]}: install Debian's ${browsers[*]} (sudo apt-get install ${browsers[*]})," >&2
echo "or point CHROMIUM_PATH / FIREFOX_PATH at your own builds." >&2
[ -n "${CHROMIUM_PATH:-}${FIREFOX_PATH:-}" ] || exit 1
