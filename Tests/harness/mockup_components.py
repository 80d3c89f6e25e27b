"""Component recall/precision and axe-core checks for mockup2code.

The five Design2Code metrics look at text blocks and pixels: a page whose form is one
paragraph of text scores as well as one with real inputs.  This module reads the
*components* of a rendered page from its DOM — the same reading for the design's source
HTML and for the generated page — and matches them kind by kind:

  heading    h1–h6, role=heading
  textfield  input (text-like types), textarea, role=textbox/searchbox
  select     select, role=combobox/listbox
  toggle     checkbox, radio, switch (input types or roles)
  button     button, input type=submit/button/reset, role=button, and a link drawn as a
             button (own background or border) — it may be matched as a link too
  link       a (Design2Code's pages have no href left), role=link
  image      img, svg, video, canvas, role=img
  label      a label bound to a control (``for``/nesting, or named by aria-labelledby)
  container  a card or panel: a non-component element with its own visible boundary
             (box shadow, background or gradient unlike its parent's, or a border on at
             least three sides) holding content, not the whole page

A generated component matches a design component of the same kind when their boxes
overlap (IoU >= 0.3) or each centre lies in the other's box grown by a quarter of its
height (at least 12 px); pairs are chosen by ``linear_sum_assignment``.  Text components
(headings, links, labels) are boxed by their text's line boxes, not their block; only what lies on the
page counts (a menu moved off-page, `left: -9999px`, is not in the design image).

Recall = matched / design components, precision = matched / generated components,
pooled over the designs of a set.  Also: axe-core (``axe-playwright-python``) on the
generated page, critical and serious violations; colour-contrast ones are split into
those the design itself has (the reference page shows the same text with a contrast
violation, or with a contrast axe cannot decide: over a picture or gradient) and new ones.
"""
from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

KINDS = ("heading", "textfield", "select", "toggle", "button", "link", "image", "label", "container")
# A design component of kind K (key) may be matched by generated components of these kinds.
ALSO = {"button": ("link",), "link": ("button",)}
RATCHET = Path(__file__).resolve().parent / "component-ratchet.json"
RATCHET_TOLERANCE = 0.01

COMPONENTS_JS = r"""
() => {
  const sx = window.scrollX, sy = window.scrollY;
  const doc = document.documentElement, body = document.body;
  if (!body) return {components: []};
  const W = Math.max(doc.scrollWidth, doc.clientWidth), H = Math.max(doc.scrollHeight, body.scrollHeight);
  const cache = new Map();
  const cs = (el) => { let s = cache.get(el); if (!s) { s = getComputedStyle(el); cache.set(el, s); } return s; };
  const rgba = (str) => {
    const m = (str || '').match(/^rgba?\(([^)]+)\)$/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const bgCache = new Map();
  const effBg = (el) => {
    if (!el || el.nodeType !== 1) return [255, 255, 255];
    if (bgCache.has(el)) return bgCache.get(el);
    const c = rgba(cs(el).backgroundColor);
    let r;
    if (c[3] >= 0.999) r = [c[0], c[1], c[2]];
    else { const u = effBg(el.parentElement); r = [0, 1, 2].map(k => c[k] * c[3] + u[k] * (1 - c[3])); }
    bgCache.set(el, r); return r;
  };
  const diff = (a, b) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);
  const shown = (el) => {
    const s = cs(el);
    if (s.display === 'none' || s.visibility !== 'visible' || parseFloat(s.opacity) < 0.05) return false;
    let p = el.parentElement;
    while (p) { if (parseFloat(cs(p).opacity) < 0.05 || cs(p).display === 'none') return false; p = p.parentElement; }
    return true;
  };
  const box = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return null;
    const x0 = Math.max(0, r.left + sx), y0 = Math.max(0, r.top + sy);
    const x1 = Math.min(W, r.right + sx), y1 = Math.min(H, r.bottom + sy);
    if (x1 - x0 < 2 || y1 - y0 < 2) return null;
    return [x0, y0, x1 - x0, y1 - y0];
  };
  const range = document.createRange();
  const textBox = (el) => {
    range.selectNodeContents(el);
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const r of range.getClientRects()) {
      if (r.width < 0.5 || r.height < 0.5) continue;
      x0 = Math.min(x0, r.left + sx); y0 = Math.min(y0, r.top + sy);
      x1 = Math.max(x1, r.right + sx); y1 = Math.max(y1, r.bottom + sy);
    }
    if (!(x1 - x0 >= 2 && y1 - y0 >= 2)) return box(el);
    // only the part on the page, as box() does: a menu or sidebar moved off-page (left: -9999px,
    // a closed drawer) is not in the design image, so it is no component to find
    x0 = Math.max(0, x0); y0 = Math.max(0, y0); x1 = Math.min(W, x1); y1 = Math.min(H, y1);
    if (x1 - x0 < 2 || y1 - y0 < 2) return null;
    return [x0, y0, x1 - x0, y1 - y0];
  };
  const hasOwnBoundary = (el) => {
    const s = cs(el);
    if (s.boxShadow && s.boxShadow !== 'none') return true;
    if (s.backgroundImage && s.backgroundImage !== 'none') return true;
    const c = rgba(s.backgroundColor);
    if (c[3] >= 0.5 && diff(effBg(el), effBg(el.parentElement)) > 24) return true;
    let sides = 0;
    for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
      if (parseFloat(s['border' + side + 'Width']) >= 1 && s['border' + side + 'Style'] !== 'none'
          && rgba(s['border' + side + 'Color'])[3] > 0.2) sides++;
    }
    return sides >= 3;
  };
  const labelled = new Set();
  for (const el of body.querySelectorAll('[aria-labelledby]'))
    for (const id of el.getAttribute('aria-labelledby').split(/\s+/)) if (id) labelled.add(id);
  const kindOf = (el) => {
    const tag = el.tagName.toLowerCase(), role = (el.getAttribute('role') || '').toLowerCase();
    if (/^h[1-6]$/.test(tag) || role === 'heading') return 'heading';
    if (tag === 'input') {
      const t = (el.getAttribute('type') || 'text').toLowerCase();
      if (t === 'hidden' || t === 'range' || t === 'color' || t === 'file') return null;
      if (t === 'checkbox' || t === 'radio') return 'toggle';
      if (t === 'submit' || t === 'button' || t === 'reset' || t === 'image') return 'button';
      return 'textfield';
    }
    if (tag === 'textarea' || role === 'textbox' || role === 'searchbox') return 'textfield';
    if (tag === 'select' || role === 'combobox' || role === 'listbox') return 'select';
    if (role === 'checkbox' || role === 'radio' || role === 'switch') return 'toggle';
    if (tag === 'button' || role === 'button') return 'button';
    // Design2Code's cleaned pages keep their links' <a> but drop every href: an <a> is a link either way
    if (tag === 'a' || role === 'link') return 'link';
    if (tag === 'img' || tag === 'svg' || tag === 'video' || tag === 'canvas' || role === 'img') return 'image';
    if (tag === 'label') {
      if (el.control && shown(el.control)) return 'label';
      if (el.id && labelled.has(el.id)) return 'label';
      return null;
    }
    return null;
  };
  const CONTAINER_TAGS = new Set(['div', 'section', 'article', 'aside', 'form', 'header', 'footer', 'nav', 'main',
                                  'li', 'ul', 'ol', 'fieldset', 'figure', 'table', 'dialog']);
  const out = [];
  const containers = [];
  for (const el of body.querySelectorAll('*')) {
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
    const k = kindOf(el);
    if (k) {
      if (!shown(el)) continue;
      const b = (k === 'heading' || k === 'link' || k === 'label') ? textBox(el) : box(el);
      if (!b) continue;
      if (k === 'image' && (b[2] < 8 || b[3] < 8)) continue;
      let kind = k;
      if (k === 'link' && hasOwnBoundary(el) && b[3] <= 80) kind = 'button';
      if ((k === 'heading' || k === 'link' || k === 'label' || k === 'button') && !el.textContent.trim()
          && !el.querySelector('img,svg')) continue;
      out.push({kind, box: b, tag: el.tagName.toLowerCase()});
      continue;
    }
    const tag = el.tagName.toLowerCase();
    if (!CONTAINER_TAGS.has(tag) || !shown(el)) continue;
    const b = box(el);
    if (!b || b[2] < 48 || b[3] < 32) continue;
    if (b[2] >= 0.98 * W && b[3] >= 0.9 * H) continue;
    if (!hasOwnBoundary(el)) continue;
    if (!el.innerText || !el.innerText.trim()) { if (!el.querySelector('img,svg,input,select,textarea,button')) continue; }
    // a wrapper drawn the same as a counted container directly around it is one container
    if (containers.some(c => el.parentElement === c.el && Math.abs(c.box[0] - b[0]) <= 2 && Math.abs(c.box[1] - b[1]) <= 2
                             && Math.abs(c.box[2] - b[2]) <= 2 && Math.abs(c.box[3] - b[3]) <= 2)) continue;
    containers.push({el, box: b});
    out.push({kind: 'container', box: b, tag});
  }
  return {components: out, width: W, height: H};
}
"""


def extract(renderer, width: int) -> list[dict]:
    """Components of the page `renderer` has loaded, laid out at `width` (the renderer may
    have narrowed the viewport for its overflow check)."""
    page = renderer._page
    try:
        from mockup_metrics import viewport_height
        page.set_viewport_size({"width": int(width), "height": viewport_height(int(width))})
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        data = page.evaluate(COMPONENTS_JS)
    except Exception as e:  # a broken page must not stop a run
        return [{"error": f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"}]
    return [{"kind": c["kind"], "box": tuple(float(v) for v in c["box"]), "tag": c["tag"]} for c in data["components"]]


def _iou(a, b) -> float:
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    inter = max(0.0, x1 - x0) * max(0.0, y1 - y0)
    union = a[2] * a[3] + b[2] * b[3] - inter
    return inter / union if union > 0 else 0.0


def _inside(p, b) -> bool:
    g = max(12.0, b[3] / 4)
    return b[0] - g <= p[0] <= b[0] + b[2] + g and b[1] - g <= p[1] <= b[1] + b[3] + g


def _centre(b):
    return (b[0] + b[2] / 2, b[1] + b[3] / 2)


def near(a, b) -> bool:
    """Same place: overlapping boxes or each centre within the other's (grown) box."""
    return _iou(a, b) >= 0.3 or (_inside(_centre(a), b) and _inside(_centre(b), a))


def match(reference: list[dict], candidate: list[dict]) -> dict:
    """Per kind: design components, generated components, matched pairs."""
    reference = [c for c in reference if "kind" in c]
    candidate = [c for c in candidate if "kind" in c]
    counts = {k: {"ref": 0, "cand": 0, "matched": 0} for k in KINDS}
    for c in reference:
        counts[c["kind"]]["ref"] += 1
    for c in candidate:
        counts[c["kind"]]["cand"] += 1
    if not reference or not candidate:
        return counts
    big = 1e6
    cost = np.full((len(reference), len(candidate)), big)
    for i, r in enumerate(reference):
        ok_kinds = (r["kind"],) + ALSO.get(r["kind"], ())
        for j, c in enumerate(candidate):
            if c["kind"] in ok_kinds and near(r["box"], c["box"]):
                (rx, ry), (cx, cy) = _centre(r["box"]), _centre(c["box"])
                cost[i, j] = (1 - _iou(r["box"], c["box"])) + np.hypot(rx - cx, ry - cy) / 1000 + (c["kind"] != r["kind"]) * 0.5
    rows, cols = linear_sum_assignment(cost)
    for i, j in zip(rows, cols):
        if cost[i, j] < big:
            counts[reference[i]["kind"]]["matched"] += 1
            # a generated link/button standing for the other kind still counts once, on the design's kind
            if candidate[j]["kind"] != reference[i]["kind"]:
                counts[candidate[j]["kind"]]["cand"] -= 1
                counts[reference[i]["kind"]]["cand"] += 1
    return counts


def pooled(counts_list: list[dict]) -> dict:
    """Sums per kind and in total, with recall and precision."""
    tot = {k: {"ref": 0, "cand": 0, "matched": 0} for k in KINDS + ("total",)}
    for counts in counts_list:
        for k, v in counts.items():
            for f in ("ref", "cand", "matched"):
                tot[k][f] += v[f]
                tot["total"][f] += v[f]
    for v in tot.values():
        v["recall"] = round(v["matched"] / v["ref"], 4) if v["ref"] else None
        v["precision"] = round(v["matched"] / v["cand"], 4) if v["cand"] else None
    return tot


# --------------------------------------------------------------------------
# axe-core
# --------------------------------------------------------------------------

def axe_available() -> bool:
    try:
        import axe_playwright_python  # noqa: F401
        return True
    except ImportError:
        return False


def _node_text(node: dict) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", node.get("html", ""))).strip()


def axe(renderer, width: int, undecided_contrast: bool = False) -> dict | None:
    """Critical and serious axe-core violations of the loaded page: {rule: [node texts]}.
    With `undecided_contrast` (the design's own page), text whose contrast axe cannot decide
    (over a picture, a gradient, overlapping layers) is listed under color-contrast too: the
    design shows that text on that background."""
    if not axe_available():
        return None
    from axe_playwright_python.sync_playwright import Axe
    page = renderer._page
    try:
        from mockup_metrics import viewport_height
        page.set_viewport_size({"width": int(width), "height": viewport_height(int(width))})
        res = Axe().run(page, options={"resultTypes": ["violations", "incomplete"]}).response
    except Exception as e:
        return {"error": [f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"]}
    out: dict[str, list] = {}
    contrast_nodes = []
    for v in res.get("violations", []):
        if v.get("impact") not in ("critical", "serious"):
            continue
        out[v["id"]] = [_node_text(n) for n in v.get("nodes", [])]
        if v["id"] == "color-contrast":
            contrast_nodes += v.get("nodes", [])
    if undecided_contrast:
        for v in res.get("incomplete", []):
            if v["id"] == "color-contrast":
                out.setdefault("color-contrast", []).extend(_node_text(n) for n in v.get("nodes", []))
                contrast_nodes += v.get("nodes", [])
    if contrast_nodes:
        # where each contrast finding is on the page (its element's box), in the same order as its text
        out["_contrast_boxes"] = page.evaluate(_BOXES_JS, [(n.get("target") or [""])[0] for n in contrast_nodes])
    return out


_BOXES_JS = """(sels) => sels.map(s => { let el = null; try { el = typeof s === 'string' && s ? document.querySelector(s) : null; } catch (e) {}
  if (!el) return null; const r = el.getBoundingClientRect();
  return [r.left + scrollX, r.top + scrollY, r.width, r.height]; })"""


def _same_place(a, b) -> bool:
    """Two text boxes at the same place on their pages (the design's and the generated one)."""
    if not a or not b:
        return False
    return near(tuple(a), tuple(b))


def axe_summary(candidate: dict | None, reference: dict | None) -> dict | None:
    """Violations of the generated page, colour contrast the design itself has set apart."""
    if candidate is None:
        return None
    if "error" in candidate:
        return {"error": candidate["error"][0], "violations": None}
    ref_texts = (reference or {}).get("color-contrast", [])
    ref_boxes = (reference or {}).get("_contrast_boxes", [])
    cand_boxes = candidate.get("_contrast_boxes", [])
    own, new = 0, []
    for i, t in enumerate(candidate.get("color-contrast", [])):
        # the design's own: the same text failing on the design's page (OCR may misread it), or a
        # failing design text at the same place
        box = cand_boxes[i] if i < len(cand_boxes) else None
        if any(difflib.SequenceMatcher(None, t, r).ratio() >= 0.6 for r in ref_texts) or \
                any(_same_place(box, b) for b in ref_boxes):
            own += 1
        else:
            new.append(t)
    other = {k: len(v) for k, v in candidate.items() if k != "color-contrast" and not k.startswith("_")}
    if new:
        other["color-contrast (not in the design)"] = len(new)
    return {"violations": other, "design_contrast": own, "examples": {k: v[:2] for k, v in candidate.items() if not k.startswith("_")}}


# --------------------------------------------------------------------------
# Summaries, docs, ratchet
# --------------------------------------------------------------------------

SETS = (("Design2Code", lambda d: d.startswith("d2c/")), ("samples/mockups", lambda d: not d.startswith("d2c/")))


def summarise(rows: list[dict], targets) -> dict:
    """Pooled component counts per design set and target, and axe totals."""
    out = {}
    for name, pick in SETS:
        for t in targets:
            rs = [r for r in rows if r["target"] == t and pick(r["design"]) and r.get("components")]
            if not rs:
                continue
            s = {"designs": len(rs), "components": pooled([r["components"] for r in rs])}
            ax = [r["axe"] for r in rs if r.get("axe") and r["axe"].get("violations") is not None]
            if ax:
                s["axe_pages"] = len(ax)
                s["axe_pages_clean"] = sum(not a["violations"] for a in ax)
                rules: dict[str, int] = {}
                for a in ax:
                    for k, n in a["violations"].items():
                        rules[k] = rules.get(k, 0) + n
                s["axe_rules"] = rules
                s["axe_design_contrast"] = sum(a["design_contrast"] for a in ax)
            out[f"{name}|{t}"] = s
    return out


def _f(v) -> str:
    return "-" if v is None else f"{v:.2f}"


def table(summary: dict) -> str:
    kinds = [k for k in KINDS]
    head = "| set | target | recall | precision | " + " | ".join(kinds) + " | axe clean |"
    lines = [head, "|" + "---|" * (len(kinds) + 5)]
    for key, s in summary.items():
        name, t = key.split("|")
        c = s["components"]
        cells = []
        for k in kinds:
            v = c[k]
            cells.append(f"{v['matched']}/{v['ref']}/{v['cand']}" if v["ref"] or v["cand"] else "-")
        axe_cell = f"{s['axe_pages_clean']}/{s['axe_pages']}" if "axe_pages" in s else "-"
        lines.append(f"| {name} | {t} | {_f(c['total']['recall'])} | {_f(c['total']['precision'])} | "
                     + " | ".join(cells) + f" | {axe_cell} |")
    return "\n".join(lines)


def axe_lines(summary: dict) -> str:
    out = []
    for key, s in summary.items():
        if "axe_rules" not in s:
            continue
        rules = ", ".join(f"{k} {n}" for k, n in sorted(s["axe_rules"].items())) or "none"
        out.append(f"- {key.replace('|', ' / ')}: critical/serious violations: {rules}; "
                   f"colour contrast the design itself has: {s['axe_design_contrast']} elements")
    return "\n".join(out)


def markdown(summary: dict) -> str:
    return f"""### Components and accessibility

Components read from the DOM of the design's source HTML and of the generated page (headings,
text fields, selects, toggles, buttons, links, images, bound labels, cards/panels), matched by kind
and place (`Tests/harness/mockup_components.py`). Per kind: matched / in the design / generated.
"axe clean": generated pages with no critical or serious axe-core violation other than colour
contrast the design itself has (axe finds the same text failing, or undecidable — over a picture or
gradient — on the design's own page).

{table(summary)}

{axe_lines(summary)}
"""


def load_ratchet() -> dict:
    if RATCHET.exists() and RATCHET.read_text().strip():
        return json.loads(RATCHET.read_text())
    return {"target": "html", "floors": {}}


def check_ratchet(summary: dict, designs: list[str]) -> list[str]:
    rat = load_ratchet()
    if not rat.get("floors"):
        return []
    if rat.get("designs") and sorted(rat["designs"]) != sorted(designs):
        return ["component ratchet: recorded on a different design set: run on the whole set to check"]
    fails = []
    for key, floors in rat["floors"].items():
        s = summary.get(key)
        if not s:
            fails.append(f"component ratchet: no components measured for {key}")
            continue
        for m, best in floors.items():
            cur = s["components"]["total"].get(m)
            if cur is None or cur < best - RATCHET_TOLERANCE:
                fails.append(f"component ratchet: {key} {m} {cur} fell below {best} - {RATCHET_TOLERANCE}")
    return fails


def update_ratchet(summary: dict, designs: list[str], generated: str) -> list[str]:
    rat = load_ratchet()
    if rat.get("floors") and rat.get("designs") and sorted(rat["designs"]) != sorted(designs):
        return ["component ratchet not updated: this run scored a different design set"]
    floors = rat.setdefault("floors", {})
    for key, s in summary.items():
        if not key.endswith("|html"):
            continue
        f = floors.setdefault(key, {})
        for m in ("recall", "precision"):
            cur = s["components"]["total"].get(m)
            if cur is not None and cur > f.get(m, -1):
                f[m] = cur
    rat["designs"] = designs
    rat["target"] = "html"
    rat["updated"] = generated
    RATCHET.write_text(json.dumps(rat, indent=1) + "\n")
    return []
