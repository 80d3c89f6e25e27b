#!/usr/bin/env bash
# Installs whatever Screenwright needs on Debian 12 and is missing: apt packages (via sudo when
# not root) and the Python packages the tests and the eval use. Idempotent and quiet when done.
set -euo pipefail
APT_PKGS=(pkg-config ffmpeg libavformat-dev libavcodec-dev libavutil-dev libswscale-dev
  libpng-dev libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-eng
  chromium chromium-driver xvfb xdotool x11-utils fonts-dejavu-core fonts-liberation time)
PY_PKGS=(playwright selenium pytest numpy scipy esbuild-py dash)
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
pymissing=()
for p in "${PY_PKGS[@]}"; do
  mod=${p//-/_}; [ "$p" = esbuild-py ] && mod=esbuild_py
  python3 -c "import $mod" 2>/dev/null || pymissing+=("$p")
done
if [ ${#pymissing[@]} -gt 0 ]; then
  echo "deps: pip installing ${pymissing[*]}"
  python3 -m pip install -q --disable-pip-version-check "${pymissing[@]}" 2>&1 | grep -v "Running pip as the 'root'" || true
fi
