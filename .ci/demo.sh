#!/usr/bin/env bash
# `make demo`: vid2auto on a committed sample recording with the embedded (offline) model.
set -euo pipefail
cd "$(dirname "$0")/.."
sample=${1:-}
if [ -z "$sample" ] || [ ! -f "$sample" ]; then
  sample=$(ls samples/recordings/*.mp4 2>/dev/null | head -1 || true)
fi
[ -n "$sample" ] || { echo "demo: no sample recording in samples/recordings" >&2; exit 1; }
bin=.build/release
export OMP_THREAD_LIMIT=1
echo "== vid2auto probe $sample"
$bin/vid2auto probe "$sample"
echo
echo "== vid2auto frames $sample --fps 1 --out out/demo-frames"
rm -rf out/demo-frames
$bin/vid2auto frames "$sample" --fps 1 --out out/demo-frames
echo
echo "== vid2auto $sample --target playwright-python -o out/demo.py"
$bin/vid2auto "$sample" --target playwright-python -o out/demo.py
cat out/demo.py
