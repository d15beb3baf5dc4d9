#!/usr/bin/env bash
# What some tests need from Debian, installed when missing (as root; elsewhere those tests skip):
# tmux for the demo's side-by-side layout, faketime for the CLI and the demo with the system
# clock moved, chromium and its driver (and a CJK font) for hall web in a real browser.
set -euo pipefail
[ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || exit 0
missing=""
command -v tmux >/dev/null 2>&1 || missing="$missing tmux"
command -v faketime >/dev/null 2>&1 || missing="$missing faketime"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium chromium-driver"
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing="$missing fonts-wqy-microhei"
[ -n "$missing" ] || exit 0
echo "install_test_tools: apt-get install$missing …"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086  # one word per package
apt-get install -y -qq $missing >/dev/null
