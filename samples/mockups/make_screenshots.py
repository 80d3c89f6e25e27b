#!/usr/bin/env python3
"""Re-make NAME.png from NAME.html for every sample design (or the names given).

Each page is rendered in headless Chromium (the harness's renderer, so the
same flags as scoring) at the width in its <meta name="screenwright:width">
(default 1280), full page, and saved as an optimised PNG.

    python3 samples/mockups/make_screenshots.py [NAME ...]
"""
import io
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "Tests" / "harness"))
import mockup_metrics as mm  # noqa: E402


def design_width(html: str) -> int:
    m = re.search(r'<meta\s+name="screenwright:width"\s+content="(\d+)"', html)
    return int(m.group(1)) if m else 1280


def main(names):
    from PIL import Image
    pages = [HERE / f"{n}.html" for n in names] if names else sorted(HERE.glob("*.html"))
    with mm.Renderer([HERE]) as r:
        for p in pages:
            w = design_width(p.read_text())
            res = r.render(p, w, overflow=False)
            if res.errors or not res.screenshot:
                print(f"{p.name}: {res.errors}", file=sys.stderr)
            img = Image.open(io.BytesIO(res.screenshot)).convert("RGB")
            out = p.with_suffix(".png")
            img.save(out, optimize=True)
            print(f"{out.name}: {img.width}x{img.height}, {out.stat().st_size // 1024} KB, {len(res.blocks)} text blocks")


if __name__ == "__main__":
    main(sys.argv[1:])
