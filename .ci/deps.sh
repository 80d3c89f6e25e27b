#!/usr/bin/env bash
# Installs whatever Screenwright needs on Debian 12 and is missing: apt packages (via sudo when
# not root) and the Python packages the tests and the eval use. Idempotent and quiet when done.
set -euo pipefail
APT_PKGS=(pkg-config ffmpeg libavformat-dev libavcodec-dev libavutil-dev libswscale-dev
  libpng-dev libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-eng libgcc-12-dev
  chromium chromium-driver xvfb xdotool x11-utils x11-xserver-utils fonts-dejavu-core fonts-liberation fontconfig time)
# libgcc-12-dev: libgomp.so, which CTesseract links (Tesseract's OpenMP runtime, set per thread).
# `deps.sh --recorder` (make samples) also installs what only the sample recorder needs: Firefox ESR
# (the Firefox scenarios, samples/recorder/firefox.py) and the dark pointer theme (DMZ-Black).
if [ "${1:-}" = --recorder ]; then APT_PKGS+=(firefox-esr dmz-cursor-theme); fi
# kubernetes-validate ships Kubernetes' JSON schemas in its wheel: deploy/*.yaml are checked offline.
# axe-playwright-python ships axe-core (the eval's accessibility check of generated pages).
PY_PKGS=(playwright selenium pytest numpy scipy pillow kubernetes-validate==1.37.0 axe-playwright-python)
# Only the browser assets these ship are used (React 18 UMD in dash, Tailwind and Vue builds in
# nicegui) and esbuild's JSX transform: install them without their web-framework dependencies.
PY_NODEPS=(dash nicegui esbuild-py)
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
have_py() { python3 -m pip show -q "${1%%==*}" >/dev/null 2>&1; }
pymissing=(); for p in "${PY_PKGS[@]}"; do have_py "$p" || pymissing+=("$p"); done
nodeps=(); for p in "${PY_NODEPS[@]}"; do have_py "$p" || nodeps+=("$p"); done
pipi() { python3 -m pip install -q --disable-pip-version-check "$@" 2>&1 | grep -v "Running pip as the 'root'" || true; }
if [ ${#pymissing[@]} -gt 0 ]; then echo "deps: pip installing ${pymissing[*]}"; pipi "${pymissing[@]}"; fi
if [ ${#nodeps[@]} -gt 0 ]; then echo "deps: pip installing (assets only) ${nodeps[*]}"; pipi --no-deps "${nodeps[@]}"; fi
for p in "${PY_PKGS[@]}" "${PY_NODEPS[@]}"; do have_py "$p" || { echo "deps: $p failed to install" >&2; exit 1; }; done
