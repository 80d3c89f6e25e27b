#!/usr/bin/env python3
"""Measure `mockup2code diff` on synthetic perturbations with known truth (issue 15).

For every design in samples/mockups (PNG screenshot + its source HTML) and every kind of drift —
an element moved, a filled block resized, a text recoloured, an element removed, a font size
changed — one element is picked (seeded, so runs repeat), the change is applied to a copy of the
source HTML, and `mockup2code diff DESIGN.png PERTURBED.html --json` is run. The truth is read
from the DOM in Chromium (Playwright): every element of the original and perturbed pages is
stamped, and the elements whose own text box moved ≥ 3 px, block box (filled, or outlined by a border all round) changed ≥ 4 px, colour or
font size changed, or that disappeared, are the differences that exist.

Scored: precision (reported differences that name a truly changed element — by selector, or by
text for missing ones) and recall (truly changed elements reported), pooled over all cases; and
for the perturbed element the reported values: Δposition within 2 px of the applied move, the
suggested font size / width / height within 2 px of the original, the suggested colour within
ΔE 5 of the original.

    python3 Tests/harness/diff_eval.py [--bin .build/release/mockup2code] [--designs login,pricing] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SAMPLES = ROOT / "samples" / "mockups"
KINDS = ("move", "resize", "recolor", "remove", "font")
CHROMIUM = os.environ.get("SCREENWRIGHT_CHROMIUM", "/usr/bin/chromium")

STAMP_JS = """() => { let i = 0; for (const e of document.body.querySelectorAll('*')) e.setAttribute('data-sw-i', String(i++)); }"""

# Per stamped element: own-text box (union of its direct text nodes' rects), border box, colours,
# font size, visibility, position.
READ_JS = """() => {
  const out = {};
  for (const e of document.body.querySelectorAll('[data-sw-i]')) {
    const st = getComputedStyle(e);
    const b = e.getBoundingClientRect();
    let tb = null, text = [];
    for (const c of e.childNodes) {
      if (c.nodeType !== 3 || !c.nodeValue.trim()) continue;
      text.push(c.nodeValue.replace(/\\s+/g, ' ').trim());
      const r = document.createRange(); r.selectNodeContents(c);
      for (const q of r.getClientRects()) {
        if (!q.width || !q.height) continue;
        tb = tb ? [Math.min(tb[0], q.left), Math.min(tb[1], q.top), Math.max(tb[2], q.right), Math.max(tb[3], q.bottom)]
                : [q.left, q.top, q.right, q.bottom];
      }
    }
    out[e.getAttribute('data-sw-i')] = {
      tag: e.tagName.toLowerCase(), text: text.join(' '), textBox: tb,
      box: [b.left + scrollX, b.top + scrollY, b.width, b.height],
      color: st.color, bg: st.backgroundColor, fontSize: parseFloat(st.fontSize), fontWeight: st.fontWeight,
      visible: st.visibility !== 'hidden' && st.display !== 'none' && b.width > 0 && b.height > 0,
      position: st.position, lines: 0,
      outlined: Math.min(...['Top', 'Right', 'Bottom', 'Left'].map(s => parseFloat(st['border' + s + 'Width']) || 0)) >= 1
                && !/rgba\\(.*, 0\\)$/.test(st.borderTopColor) && st.borderTopStyle !== 'none' };
  }
  return out;
}"""


def png_size(path: Path) -> tuple[int, int]:
    with open(path, "rb") as f:
        head = f.read(24)
    return struct.unpack(">II", head[16:24])


def parse_rgb(s: str):
    import re
    v = [float(x) for x in re.findall(r"[\d.]+", s)]
    if len(v) < 3:
        return None
    if len(v) >= 4 and v[3] < 0.5:
        return None
    return tuple(int(round(x)) for x in v[:3])


def lab(c):
    def lin(v):
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(x) for x in c)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = lambda t: t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116  # noqa: E731
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(a, b) -> float:
    p, q = lab(a), lab(b)
    return sum((u - v) ** 2 for u, v in zip(p, q)) ** 0.5


def hexrgb(h: str):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def text_sim(a: str, b: str) -> float:
    import difflib
    a, b = " ".join(a.lower().split()), " ".join(b.lower().split())
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b).ratio()


def changed_elements(before: dict, after: dict) -> tuple[dict[str, str], set[str]]:
    """Stamped elements that differ between two reads, with the aspect; and the ambiguous ones
    (text that moved 1–3 px, a block that changed 1–4 px: below what diff reports, too close to
    call either way — neither required nor counted against it)."""
    out, unsure = {}, set()
    for k, a in before.items():
        b = after.get(k)
        if b is None or not a["visible"]:
            continue
        if not b["visible"]:
            if a["text"] or parse_rgb(a["bg"]) or a.get("outlined"):
                out[k] = "removed"
            continue
        if a["text"] and a["textBox"] and b["textBox"]:
            ta, tb = a["textBox"], b["textBox"]
            moved = max(abs(ta[0] - tb[0]), abs(ta[1] - tb[1]), abs(ta[3] - tb[3]))
            if moved >= 3:
                out[k] = "position"
            elif moved >= 1:
                unsure.add(k)
            elif abs(a["fontSize"] - b["fontSize"]) >= 1:
                out[k] = "font"
            elif (parse_rgb(a["color"]) and parse_rgb(b["color"])
                  and delta_e(parse_rgb(a["color"]), parse_rgb(b["color"])) >= 6):
                out[k] = "color"
        if k not in out and (parse_rgb(a["bg"]) or a.get("outlined")):
            ba, bb = a["box"], b["box"]
            ch = max(abs(ba[i] - bb[i]) for i in range(4))
            if ch >= 4:
                out[k] = "box"
            elif ch >= 1:
                unsure.add(k)
    return out, unsure


def candidates(state: dict, kind: str) -> list[str]:
    out = []
    for k, e in state.items():
        if not e["visible"] or e["position"] not in ("static", "relative"):
            continue
        w, h = e["box"][2], e["box"][3]
        if kind == "resize":
            if parse_rgb(e["bg"]) and e["tag"] not in ("body", "html") and 1500 <= w * h <= 200000 and w < 700:
                out.append(k)
        elif e["text"] and len(e["text"]) >= 4 and e["textBox"] and e["fontSize"] >= 11 \
                and (e["textBox"][3] - e["textBox"][1]) < 1.8 * e["fontSize"] + 4:
            out.append(k)
    return sorted(out, key=int)


def perturb(page, key: str, kind: str, rng: random.Random, state: dict) -> dict:
    """Applies one change to element `key`; returns what was done (the truth of the main change)."""
    e = state[key]
    if kind == "move":
        dx = rng.choice([-1, 1]) * rng.randint(8, 18)
        dy = rng.choice([-1, 1]) * rng.randint(8, 18)
        page.evaluate("([k, dx, dy]) => { const e = document.querySelector(`[data-sw-i=\"${k}\"]`); e.style.position = 'relative'; e.style.left = dx + 'px'; e.style.top = dy + 'px'; }", [key, dx, dy])
        return {"kind": kind, "dx": dx, "dy": dy}
    if kind == "resize":
        dw = rng.choice([-1, 1]) * rng.randint(16, 40)
        dh = rng.choice([-1, 1]) * rng.randint(8, 16)
        w, h = e["box"][2] + dw, max(12, e["box"][3] + dh)
        page.evaluate("([k, w, h]) => { const e = document.querySelector(`[data-sw-i=\"${k}\"]`); e.style.boxSizing = 'border-box'; e.style.width = w + 'px'; e.style.height = h + 'px'; e.style.minHeight = '0'; e.style.maxWidth = 'none'; e.style.flex = 'none'; }", [key, w, h])
        return {"kind": kind, "width": e["box"][2], "height": e["box"][3]}
    if kind == "recolor":
        orig = parse_rgb(e["color"])
        palette = [(220, 38, 38), (22, 163, 74), (37, 99, 235), (217, 119, 6), (147, 51, 234), (13, 148, 136), (0, 0, 0), (120, 120, 120)]
        new = max(palette, key=lambda c: (delta_e(c, orig) > 30, rng.random()))
        page.evaluate("([k, c]) => { document.querySelector(`[data-sw-i=\"${k}\"]`).style.color = c; }", [key, "rgb(%d,%d,%d)" % new])
        return {"kind": kind, "color": orig}
    if kind == "remove":
        page.evaluate("(k) => { document.querySelector(`[data-sw-i=\"${k}\"]`).style.visibility = 'hidden'; }", key)
        return {"kind": kind, "text": e["text"]}
    f = e["fontSize"]
    new = round(f * rng.choice([0.75, 1.3]))
    page.evaluate("([k, f]) => { const e = document.querySelector(`[data-sw-i=\"${k}\"]`); e.style.fontSize = f + 'px'; e.style.whiteSpace = 'nowrap'; }", [key, new])
    return {"kind": kind, "fontSize": f}


def run_case(pw_page, binary: Path, png: Path, html: Path, kind: str, workdir: Path, timeout: int = 120) -> dict:
    w, h = png_size(png)
    rng = random.Random(f"{png.stem}/{kind}")
    pw_page.set_viewport_size({"width": w, "height": h})
    pw_page.goto(html.resolve().as_uri())
    pw_page.evaluate(STAMP_JS)
    before = pw_page.evaluate(READ_JS)
    cands = candidates(before, kind)
    if not cands:
        return {"design": png.stem, "kind": kind, "skipped": "no candidate element"}
    key = rng.choice(cands)
    truth_main = perturb(pw_page, key, kind, rng, before)
    after = pw_page.evaluate(READ_JS)
    truth, unsure = changed_elements(before, after)
    truth.setdefault(key, kind)     # a change below the thresholds still names its element
    out = workdir / f"{png.stem}-{kind}.html"
    out.write_text("<!doctype html>\n" + pw_page.evaluate("() => document.documentElement.outerHTML"))
    rep = workdir / f"{png.stem}-{kind}.json"
    p = subprocess.run([str(binary), "diff", str(png), str(out), "--json", str(rep)],
                       capture_output=True, text=True, timeout=timeout)
    if p.returncode != 0:
        return {"design": png.stem, "kind": kind, "error": (p.stderr or p.stdout).strip()[-300:]}
    report = json.loads(rep.read_text())
    # Resolve every reported difference to a stamped element of the perturbed page.
    pw_page.goto(out.resolve().as_uri())
    hits, false_pos = set(), []
    main_diffs = []
    for d in report["differences"]:
        k = None
        if d.get("selector"):
            k = pw_page.evaluate("(s) => { try { const e = document.querySelector(s); return e && e.getAttribute('data-sw-i'); } catch (x) { return null; } }", d["selector"])
        if k is None and d["status"] == "missing" and d.get("text"):
            best = max(((text_sim(d["text"], before[t]["text"]), t) for t in truth if before[t]["text"]), default=(0, None))
            k = best[1] if best[0] >= 0.6 else None
        if k is not None and k in truth:
            hits.add(k)
            if k == key:
                main_diffs.append(d)
        elif k is not None and k in unsure:
            continue
        else:
            false_pos.append({"status": d["status"], "text": d.get("text"), "selector": d.get("selector"), "aspects": d.get("aspects")})
    # The perturbed element's report: for a resize the block's (with its size), else the first.
    main_diff = next((d for d in main_diffs if kind != "resize" or "size" in d.get("aspects", [])),
                     main_diffs[0] if main_diffs else None)
    values = check_values(kind, truth_main, main_diff)
    return {"design": png.stem, "kind": kind, "element": key, "text": before[key]["text"][:40], "truth": len(truth),
            "reported": len(report["differences"]), "true_positive": len(hits), "false_positive": false_pos,
            "missed": sorted(set(truth) - hits, key=int),
            "missed_detail": [{"element": k, "aspect": truth[k], "tag": before[k]["tag"], "text": before[k]["text"][:40],
                               "box": [round(v) for v in before[k]["box"]]} for k in sorted(set(truth) - hits, key=int)],
            "main_found": main_diff is not None, "values": values}


def check_values(kind: str, truth: dict, d: dict | None) -> dict:
    """Whether the reported numbers for the perturbed element are right (None: not reported)."""
    if d is None:
        return {"ok": None}
    fixes = {f["property"]: f["value"] for f in d.get("fixes", [])}
    if kind == "move":
        ok = d.get("dx") is not None and abs(d["dx"] - truth["dx"]) <= 2 and abs(d["dy"] - truth["dy"]) <= 2
        return {"ok": ok, "reported": [d.get("dx"), d.get("dy")], "truth": [truth["dx"], truth["dy"]]}
    if kind == "resize":
        w = float(fixes.get("width", "nan").rstrip("px")); h = float(fixes.get("height", "nan").rstrip("px"))
        return {"ok": abs(w - truth["width"]) <= 2 and abs(h - truth["height"]) <= 2, "reported": [w, h],
                "truth": [truth["width"], truth["height"]]}
    if kind == "recolor":
        c = fixes.get("color")
        if not c:
            return {"ok": False, "reported": None}
        e = delta_e(hexrgb(c), truth["color"])
        return {"ok": e < 5, "deltaE": round(e, 2)}
    if kind == "font":
        f = d.get("designFontSize")
        return {"ok": f is not None and abs(f - truth["fontSize"]) <= 2, "reported": f, "truth": truth["fontSize"]}
    return {"ok": d["status"] == "missing"}


def evaluate(binary: Path, designs: list[str] | None = None, kinds=KINDS) -> dict:
    from playwright.sync_api import sync_playwright
    pngs = sorted(SAMPLES.glob("*.png"))
    if designs:
        pngs = [p for p in pngs if p.stem in designs]
    cases = []
    with tempfile.TemporaryDirectory(prefix="sw-diff-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                           "--font-render-hinting=none", "--force-color-profile=srgb"])
        page = browser.new_page()
        for png in pngs:
            html = png.with_suffix(".html")
            for kind in kinds:
                cases.append(run_case(page, binary, png, html, kind, Path(tmp)))
        browser.close()
    done = [c for c in cases if "truth" in c]
    tp = sum(c["true_positive"] for c in done)
    fp = sum(len(c["false_positive"]) for c in done)
    truth = sum(c["truth"] for c in done)
    vals = [c["values"]["ok"] for c in done if c["values"]["ok"] is not None]
    return {"cases": len(cases), "scored": len(done), "errors": [c for c in cases if "error" in c],
            "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
            "recall": round(tp / truth, 4) if truth else 1.0,
            "main_found": sum(c["main_found"] for c in done),
            "values_ok": sum(bool(v) for v in vals), "values_reported": len(vals),
            "detail": cases}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=str(ROOT / ".build" / "release" / "mockup2code"))
    ap.add_argument("--designs", help="comma-separated sample names (default: all)")
    ap.add_argument("--json", help="write the full result here")
    a = ap.parse_args(argv)
    res = evaluate(Path(a.bin), a.designs.split(",") if a.designs else None)
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=1))
    print(f"{res['scored']}/{res['cases']} cases; precision {res['precision']:.3f}, recall {res['recall']:.3f}; "
          f"perturbed element found {res['main_found']}/{res['scored']}; values within 2 px / ΔE 5: "
          f"{res['values_ok']}/{res['values_reported']}")
    for c in res["detail"]:
        if c.get("error") or c.get("false_positive") or c.get("missed") or (c.get("values", {}).get("ok") is False):
            print(json.dumps({k: c.get(k) for k in ("design", "kind", "text", "error", "false_positive", "missed", "values")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
