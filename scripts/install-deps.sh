#!/usr/bin/env bash
# Installs, from Debian 12's own packages, whatever the build and tests need and
# this machine lacks. Run as root (or with sudo). Safe to run again.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  nlohmann-json3-dev libhowardhinnant-date-dev catch2 libcli11-dev
  emscripten
)
# The browser tests drive Debian's Chromium, with the Chinese fonts a member's
# phone has (a layout test measured with boxes for glyphs fits where real text
# does not: the printed checklist); `--no-browser` skips both (run.sh).
[[ "${1:-}" == "--no-browser" ]] || packages+=(chromium fonts-noto-cjk)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js: any install will do (Debian's nodejs 18, or a newer one already here).
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
