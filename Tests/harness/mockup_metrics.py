"""Design2Code-style visual metrics for mockup2code.

A re-implementation of the low-level visual metrics of Design2Code
(Si et al., 2024; NoviScl/Design2Code, ``metrics/visual_score.py``), so the
Screenwright harness can score generated front-end code against a reference
page without CUDA, CLIP weights or the network.

What is the same as the original
--------------------------------
* Text blocks are matched one-to-one between candidate (A) and reference (B)
  with ``scipy.optimize.linear_sum_assignment`` on a cost of
  ``-difflib.SequenceMatcher(None, a, b).ratio()``.
* Before matching, blocks with identical boxes are merged
  (``merge_blocks_by_bbox``) and adjacent blocks of either side are merged
  greedily while that improves the matching (``find_possible_merge``, with the
  original ``difference_of_means`` test and its 0.05 threshold); the final
  assignment uses the original context bonus (0.1, window 1).
* Pairs whose text similarity is under 0.5 are dropped.
* Block = matched area / (matched area + area of unmatched blocks on both
  sides), areas in page-normalised units.
* Text = mean over matched pairs of SequenceMatcher's ratio 2*M/(|a|+|b|):
  that is the character-level Sørensen–Dice form the paper names, exactly what
  the original code averages.
* Position = mean of 1 - max(|dx|, |dy|) over matched pairs, with block
  centres normalised by the page's width and height.
* Color = mean of max(0, 1 - CIEDE2000/100) over matched pairs (sRGB -> Lab D65
  as colormath does it; CIEDE2000 implemented here in numpy).
* No detected / no matched blocks -> Block, Text, Position and Color are 0.

What differs (and why)
----------------------
* Block extraction: the original recolours every text element twice, takes two
  screenshots and diffs pixels (OCR-free).  Here the page is rendered once in
  headless Chromium and every visible text node is read in one
  ``page.evaluate``: its text (whitespace collapsed), the union of its
  ``Range.getClientRects()`` (line boxes rather than glyph pixels) and its
  computed CSS colour (alpha composited over the nearest opaque background)
  instead of the mean colour of its anti-aliased pixels.
* CLIP-ViT-B/32 similarity is replaced by SSIM (grayscale, both screenshots
  resized to the reference's aspect at a fixed width, Gaussian window
  sigma 1.5, K1=0.01, K2=0.03, no text inpainting): no CLIP weights are
  available offline.  Reports must say "SSIM (in place of CLIP)".
* Exact ties in the final assignment (a text repeated on the page) are broken
  by the distance of block centres (a 1e-9 term), so a page scored against
  itself gets 1.0 rather than an arbitrary pairing of its duplicates.
* The greedy merge loop is capped at ``MAX_MERGE_ROUNDS`` rounds (the original
  loops until nothing changes; the cap is never reached on the sample pages).
"""
from __future__ import annotations

import difflib
import io
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
from scipy import ndimage
from scipy.optimize import linear_sum_assignment

MAX_MERGE_ROUNDS = 30
MATCH_THRESHOLD = 0.5
TIE_EPS = 1e-9
SSIM_WIDTH = 320

# --------------------------------------------------------------------------
# Colour: sRGB -> CIELAB (D65, as colormath's convert_color) and CIEDE2000
# --------------------------------------------------------------------------

_SRGB_TO_XYZ = np.array([
    [0.412424, 0.357579, 0.180464],
    [0.212656, 0.715158, 0.0721856],
    [0.0193324, 0.119193, 0.950444],
])
_D65 = np.array([0.95047, 1.0, 1.08883])
_CIE_E = 216.0 / 24389.0
_CIE_K = 24389.0 / 27.0


def srgb_to_lab(rgb) -> np.ndarray:
    """sRGB in 0..255 (any leading shape, last axis 3) -> CIELAB (D65)."""
    c = np.asarray(rgb, dtype=float) / 255.0
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    xyz = lin @ _SRGB_TO_XYZ.T
    t = xyz / _D65
    f = np.where(t > _CIE_E, np.cbrt(t), (_CIE_K * t + 16.0) / 116.0)
    L = 116.0 * f[..., 1] - 16.0
    a = 500.0 * (f[..., 0] - f[..., 1])
    b = 200.0 * (f[..., 1] - f[..., 2])
    return np.stack([L, a, b], axis=-1)


def ciede2000(lab1, lab2, kL: float = 1.0, kC: float = 1.0, kH: float = 1.0) -> np.ndarray:
    """CIEDE2000 colour difference (Sharma, Wu & Dalal 2005), vectorised."""
    lab1 = np.asarray(lab1, dtype=float)
    lab2 = np.asarray(lab2, dtype=float)
    L1, a1, b1 = lab1[..., 0], lab1[..., 1], lab1[..., 2]
    L2, a2, b2 = lab2[..., 0], lab2[..., 1], lab2[..., 2]
    C1 = np.hypot(a1, b1)
    C2 = np.hypot(a2, b2)
    Cbar7 = ((C1 + C2) / 2.0) ** 7
    G = 0.5 * (1.0 - np.sqrt(Cbar7 / (Cbar7 + 25.0 ** 7)))
    a1p = (1.0 + G) * a1
    a2p = (1.0 + G) * a2
    C1p = np.hypot(a1p, b1)
    C2p = np.hypot(a2p, b2)
    h1p = np.where((a1p == 0) & (b1 == 0), 0.0, np.degrees(np.arctan2(b1, a1p)) % 360.0)
    h2p = np.where((a2p == 0) & (b2 == 0), 0.0, np.degrees(np.arctan2(b2, a2p)) % 360.0)
    CpProd = C1p * C2p
    zero = CpProd == 0

    dLp = L2 - L1
    dCp = C2p - C1p
    dh = h2p - h1p
    dhp = np.where(dh > 180.0, dh - 360.0, np.where(dh < -180.0, dh + 360.0, dh))
    dhp = np.where(zero, 0.0, dhp)
    dHp = 2.0 * np.sqrt(CpProd) * np.sin(np.radians(dhp) / 2.0)

    Lbarp = (L1 + L2) / 2.0
    Cbarp = (C1p + C2p) / 2.0
    hsum = h1p + h2p
    hbarp = np.where(
        np.abs(h1p - h2p) <= 180.0, hsum / 2.0,
        np.where(hsum < 360.0, (hsum + 360.0) / 2.0, (hsum - 360.0) / 2.0))
    hbarp = np.where(zero, hsum, hbarp)

    T = (1.0 - 0.17 * np.cos(np.radians(hbarp - 30.0)) + 0.24 * np.cos(np.radians(2.0 * hbarp))
         + 0.32 * np.cos(np.radians(3.0 * hbarp + 6.0)) - 0.20 * np.cos(np.radians(4.0 * hbarp - 63.0)))
    dtheta = 30.0 * np.exp(-(((hbarp - 275.0) / 25.0) ** 2))
    Cbarp7 = Cbarp ** 7
    RC = 2.0 * np.sqrt(Cbarp7 / (Cbarp7 + 25.0 ** 7))
    SL = 1.0 + (0.015 * (Lbarp - 50.0) ** 2) / np.sqrt(20.0 + (Lbarp - 50.0) ** 2)
    SC = 1.0 + 0.045 * Cbarp
    SH = 1.0 + 0.015 * Cbarp * T
    RT = -np.sin(np.radians(2.0 * dtheta)) * RC
    tL = dLp / (kL * SL)
    tC = dCp / (kC * SC)
    tH = dHp / (kH * SH)
    return np.sqrt(np.maximum(tL ** 2 + tC ** 2 + tH ** 2 + RT * tC * tH, 0.0))


def color_similarity(rgb1, rgb2) -> float:
    """Design2Code's colour score: max(0, 1 - CIEDE2000(Lab1, Lab2) / 100)."""
    de = float(ciede2000(srgb_to_lab(rgb1), srgb_to_lab(rgb2)))
    return max(0.0, 1.0 - de / 100.0)


# --------------------------------------------------------------------------
# SSIM (in place of CLIP)
# --------------------------------------------------------------------------

def ssim(img1, img2, data_range: float = 255.0, sigma: float = 1.5) -> float:
    """Mean SSIM of two same-shape grayscale images (Wang et al. 2004:
    11x11 Gaussian window sigma 1.5, K1=0.01, K2=0.03, border cropped)."""
    x = np.asarray(img1, dtype=np.float64)
    y = np.asarray(img2, dtype=np.float64)
    if x.shape != y.shape:
        raise ValueError(f"ssim: shapes differ {x.shape} vs {y.shape}")
    C1 = (0.01 * data_range) ** 2
    C2 = (0.03 * data_range) ** 2

    def filt(im):
        return ndimage.gaussian_filter(im, sigma, truncate=3.5, mode="reflect")

    mx, my = filt(x), filt(y)
    sxx = filt(x * x) - mx * mx
    syy = filt(y * y) - my * my
    sxy = filt(x * y) - mx * my
    num = (2 * mx * my + C1) * (2 * sxy + C2)
    den = (mx * mx + my * my + C1) * (sxx + syy + C2)
    smap = num / den
    pad = int(3.5 * sigma + 0.5)
    if smap.shape[0] > 2 * pad and smap.shape[1] > 2 * pad:
        smap = smap[pad:-pad, pad:-pad]
    return float(smap.mean())


def _to_pil(img):
    from PIL import Image
    if isinstance(img, Image.Image):
        return img
    if isinstance(img, (bytes, bytearray)):
        return Image.open(io.BytesIO(img))
    if isinstance(img, (str, os.PathLike)):
        return Image.open(img)
    return Image.fromarray(np.asarray(img))


def screenshot_ssim(reference, candidate, width: int = SSIM_WIDTH) -> float:
    """SSIM of two screenshots (bytes / path / PIL / array): grayscale, both
    resized to `width` x (reference height scaled alike)."""
    from PIL import Image
    ref = _to_pil(reference).convert("L")
    cand = _to_pil(candidate).convert("L")
    w = min(width, ref.width) or 1
    h = max(1, round(ref.height * w / max(ref.width, 1)))
    a = np.asarray(ref.resize((w, h), Image.BILINEAR if ref.size == (w, h) else Image.LANCZOS))
    b = np.asarray(cand.resize((w, h), Image.LANCZOS))
    return ssim(a, b)



def reference_fidelity(reference_screenshot, reference_height: int, design) -> dict:
    """How faithfully the design's source HTML, rendered here, reproduces the design image the
    generator is given: the two heights and the SSIM of the render against the image (the same
    SSIM as the metric's).  Offline, web fonts the design was drawn with (Google Fonts and the
    like) are not fetched, so the reference falls back to local fonts, wraps differently and
    comes out shorter or longer: a generator that reproduced the image exactly would score this
    SSIM*, not 1, and sit below the reference's text by the height difference (session 23 measured
    34 of the 60 Design2Code pages off by 1-185 px, mean SSIM 0.859)."""
    img = _to_pil(design)
    return {"design_height": int(img.height), "reference_height": int(reference_height),
            "height_difference": int(reference_height) - int(img.height),
            "ssim": round(float(screenshot_ssim(reference_screenshot, img)), 4)}

# --------------------------------------------------------------------------
# Blocks, merging and matching (after visual_score.py)
# --------------------------------------------------------------------------

def text_similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


class _SimCache:
    """SequenceMatcher ratios, memoised by (a, b); rows computed with the
    second sequence fixed (SequenceMatcher caches its analysis of seq2)."""

    def __init__(self):
        self.d: dict[tuple[str, str], float] = {}

    def matrix(self, A: Sequence[dict], B: Sequence[dict]) -> np.ndarray:
        S = np.zeros((len(A), len(B)))
        sm = difflib.SequenceMatcher(None)
        for j, b in enumerate(B):
            bt = b["text"]
            seq2_set = False
            for i, a in enumerate(A):
                key = (a["text"], bt)
                v = self.d.get(key)
                if v is None:
                    if not seq2_set:
                        sm.set_seq2(bt)
                        seq2_set = True
                    sm.set_seq1(a["text"])
                    v = sm.ratio()
                    self.d[key] = v
                S[i, j] = v
        return S


def adjust_cost_for_context(cost: np.ndarray, consecutive_bonus: float = 1.0, window_size: int = 20) -> np.ndarray:
    """Vectorised equivalent of the original: for each entry with cost < -0.5,
    add bonus * (sum of the 2*window_size smallest other costs in its
    (2w+1)x(2w+1) neighbourhood)."""
    if window_size <= 0:
        return cost
    n, m = cost.shape
    adjusted = cost.copy()
    if consecutive_bonus == 0 or n == 0 or m == 0:
        return adjusted
    k = 2 * window_size
    w = window_size
    padded = np.zeros((n + 2 * w, m + 2 * w))  # costs are <= 0: zero padding never wins
    padded[w:w + n, w:w + m] = cost
    neigh = []
    for di in range(-w, w + 1):
        for dj in range(-w, w + 1):
            if di == 0 and dj == 0:
                continue
            neigh.append(padded[w + di:w + di + n, w + dj:w + dj + m])
    stack = np.sort(np.stack(neigh, axis=-1), axis=-1)[..., :k]
    bonus = consecutive_bonus * stack.sum(axis=-1)
    mask = cost < -0.5
    adjusted[mask] += bonus[mask]
    return adjusted


def merge_blocks_wo_check(b1: dict, b2: dict) -> dict:
    x0 = min(b1["bbox"][0], b2["bbox"][0])
    y0 = min(b1["bbox"][1], b2["bbox"][1])
    x1 = max(b1["bbox"][0] + b1["bbox"][2], b2["bbox"][0] + b2["bbox"][2])
    y1 = max(b1["bbox"][1] + b1["bbox"][3], b2["bbox"][1] + b2["bbox"][3])
    color = tuple(int(c1 + c2) // 2 for c1, c2 in zip(b1["color"], b2["color"]))
    return {"text": b1["text"] + " " + b2["text"], "bbox": (x0, y0, x1 - x0, y1 - y0), "color": color}


def merge_blocks_by_bbox(blocks: Iterable[dict]) -> list[dict]:
    merged: dict[tuple, dict] = {}
    for block in blocks:
        key = tuple(block["bbox"])
        if key in merged:
            e = merged[key]
            e["text"] += " " + block["text"]
            e["color"] = [(ec + c) / 2 for ec, c in zip(e["color"], block["color"])]
        else:
            merged[key] = dict(block)
    return list(merged.values())


def merge_blocks_by_list(blocks: list[dict], merge_list: list) -> list[dict]:
    pop_list = []
    while True:
        if not merge_list:
            for index in sorted(pop_list, reverse=True):
                if index < len(blocks):
                    blocks.pop(index)
            return blocks
        i, j = merge_list[0][0], merge_list[0][1]
        blocks[i] = merge_blocks_wo_check(blocks[i], blocks[j])
        pop_list.append(j)
        merge_list.pop(0)
        merge_list = [e for e in merge_list if e[0] not in (i, j) and e[1] not in (i, j)]


def difference_of_means(list1: list, list2: list) -> float:
    c1, c2 = Counter(list1), Counter(list2)
    for e in set(list1) & set(list2):
        common = min(c1[e], c2[e])
        c1[e] -= common
        c2[e] -= common
    u1 = list(c1.elements())
    u2 = list(c2.elements())
    m1 = sum(u1) / len(u1) if u1 else 0
    m2 = sum(u2) / len(u2) if u2 else 0
    if m1 - m2 > 0:
        return m1 - m2 if min(u1) > min(u2) else 0.0
    return m1 - m2


def _assign(S: np.ndarray, bonus: float, window: int):
    cost = adjust_cost_for_context(-S, bonus, window)
    rows, cols = linear_sum_assignment(cost)
    return list(zip(rows.tolist(), cols.tolist())), cost[rows, cols].tolist()


def find_possible_merge(A: list[dict], B: list[dict], consecutive_bonus: float = 0.1, window_size: int = 1,
                        cache: _SimCache | None = None):
    """Greedy merging of adjacent blocks on either side while the matching
    improves (merge_bonus 0, window 1, as the original), then the final
    assignment with the context bonus.  Returns (A', B', [(i, j), ...])."""
    cache = cache or _SimCache()
    A, B = list(A), list(B)
    for _round in range(MAX_MERGE_ROUNDS):
        changed = False
        S = cache.matrix(A, B)
        _, current = _assign(S, 0.0, 1)
        for side in ("A", "B"):
            X = A if side == "A" else B
            if len(X) < 2:
                continue
            merge_list = []
            for i in range(len(X) - 1):
                merged = merge_blocks_wo_check(X[i], X[i + 1])
                if side == "A":
                    row = cache.matrix([merged], B)[0]
                    S2 = np.delete(S, i + 1, axis=0)
                    S2[i, :] = row
                else:
                    col = cache.matrix(A, [merged])[:, 0]
                    S2 = np.delete(S, i + 1, axis=1)
                    S2[:, i] = col
                _, updated = _assign(S2, 0.0, 1)
                diff = difference_of_means(current, updated)
                if diff > 0.05:
                    merge_list.append([i, i + 1, diff])
            merge_list.sort(key=lambda v: v[2], reverse=True)
            if merge_list:
                changed = True
                X = merge_blocks_by_list(list(X), merge_list)
                if side == "A":
                    A = X
                else:
                    B = X
                S = cache.matrix(A, B)
                _, current = _assign(S, 0.0, 1)
        if not changed:
            break
    S = cache.matrix(A, B)
    cost = adjust_cost_for_context(-S, consecutive_bonus, window_size)
    # Exact ties (the same text several times on a page) are broken by
    # proximity of the block centres; TIE_EPS is far below any real difference.
    cost = cost + TIE_EPS * _centre_distance(A, B)
    rows, cols = linear_sum_assignment(cost)
    return A, B, list(zip(rows.tolist(), cols.tolist()))


def _centre_distance(A: Sequence[dict], B: Sequence[dict]) -> np.ndarray:
    ca = np.array([[b["bbox"][0] + b["bbox"][2] / 2, b["bbox"][1] + b["bbox"][3] / 2] for b in A]).reshape(-1, 2)
    cb = np.array([[b["bbox"][0] + b["bbox"][2] / 2, b["bbox"][1] + b["bbox"][3] / 2] for b in B]).reshape(-1, 2)
    return np.abs(ca[:, None, :] - cb[None, :, :]).max(axis=-1)


def _area(b: dict) -> float:
    return float(b["bbox"][2]) * float(b["bbox"][3])


def score_blocks(candidate: Sequence[dict], reference: Sequence[dict]) -> dict:
    """Block / Text / Position / Color of candidate blocks against reference
    blocks.  Blocks: {'text', 'bbox': (x, y, w, h) normalised, 'color': (r, g, b)}."""
    out = {"block": 0.0, "text": 0.0, "position": 0.0, "color": 0.0,
           "n_candidate": len(candidate), "n_reference": len(reference), "n_matched": 0}
    if not candidate or not reference:
        return out
    A = merge_blocks_by_bbox([dict(b) for b in candidate])
    B = merge_blocks_by_bbox([dict(b) for b in reference])
    A, B, matching = find_possible_merge(A, B, 0.1, 1)
    pairs = []
    for i, j in matching:
        sim = text_similarity(A[i]["text"], B[j]["text"])
        if sim >= MATCH_THRESHOLD:
            pairs.append((i, j, sim))
    mi = {p[0] for p in pairs}
    mj = {p[1] for p in pairs}
    unmatched = sum(_area(b) for k, b in enumerate(A) if k not in mi) + \
        sum(_area(b) for k, b in enumerate(B) if k not in mj)
    matched_areas, texts, positions, colors = [], [], [], []
    for i, j, sim in pairs:
        a, b = A[i], B[j]
        matched_areas.append(_area(a) + _area(b))
        texts.append(sim)
        ca = (a["bbox"][0] + a["bbox"][2] / 2, a["bbox"][1] + a["bbox"][3] / 2)
        cb = (b["bbox"][0] + b["bbox"][2] / 2, b["bbox"][1] + b["bbox"][3] / 2)
        positions.append(1 - max(abs(ca[0] - cb[0]), abs(ca[1] - cb[1])))
        colors.append(color_similarity(a["color"], b["color"]))
    out["n_matched"] = len(pairs)
    out["n_candidate_merged"] = len(A)
    out["n_reference_merged"] = len(B)
    if not pairs:
        return out
    total = sum(matched_areas) + unmatched
    out["block"] = float(sum(matched_areas) / total) if total > 0 else 0.0
    out["text"] = float(np.mean(texts))
    out["position"] = float(np.mean(positions))
    out["color"] = float(np.mean(colors))
    return out


# --------------------------------------------------------------------------
# Rendering in headless Chromium (Playwright)
# --------------------------------------------------------------------------

CHROMIUM = os.environ.get("SCREENWRIGHT_CHROMIUM", "/usr/bin/chromium")
ORIGIN = "http://screenwright.test"

# One evaluate call: page size, text blocks, absolute/fixed fraction.
EXTRACT_JS = r"""
() => {
  const de = document.documentElement, body = document.body;
  const W = Math.max(de.scrollWidth, body ? body.scrollWidth : 0, 1);
  const H = Math.max(de.scrollHeight, body ? body.scrollHeight : 0, 1);
  const sx = window.scrollX, sy = window.scrollY;
  const SKIP = new Set(['SCRIPT','STYLE','NOSCRIPT','TEMPLATE','TITLE','HEAD','IFRAME','OBJECT','TEXTAREA','SELECT','OPTION']);
  const styleCache = new Map();
  const cs = (el) => { let s = styleCache.get(el); if (!s) { s = getComputedStyle(el); styleCache.set(el, s); } return s; };
  const parseColor = (str) => {
    const m = str.match(/^rgba?\(([^)]+)\)$/);
    if (m) {
      const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    }
    const c = document.createElement('canvas'); c.width = c.height = 1;
    const g = c.getContext('2d'); g.clearRect(0, 0, 1, 1); g.fillStyle = str; g.fillRect(0, 0, 1, 1);
    const d = g.getImageData(0, 0, 1, 1).data; return [d[0], d[1], d[2], d[3] / 255];
  };
  const bgCache = new Map();
  const background = (el) => {   // nearest ancestor background, composited, default white
    if (!el) return [255, 255, 255];
    if (bgCache.has(el)) return bgCache.get(el);
    const c = parseColor(cs(el).backgroundColor);
    let r;
    if (c[3] >= 0.999) r = [c[0], c[1], c[2]];
    else { const u = background(el.parentElement); r = [0,1,2].map(k => c[k] * c[3] + u[k] * (1 - c[3])); }
    bgCache.set(el, r); return r;
  };
  const opCache = new Map();
  const opacity = (el) => {
    if (!el) return 1;
    if (opCache.has(el)) return opCache.get(el);
    const o = parseFloat(cs(el).opacity) * opacity(el.parentElement);
    opCache.set(el, o); return o;
  };
  const blocks = [];
  const range = document.createRange();
  if (body) {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const raw = node.data;
      if (!/\S/.test(raw)) continue;
      const el = node.parentElement;
      if (!el || SKIP.has(el.tagName) || el.closest('script,style,noscript,template,textarea,select')) continue;
      const s = cs(el);
      if (s.visibility !== 'visible' || s.display === 'none') continue;
      const op = opacity(el);
      if (op <= 0.01) continue;
      range.selectNodeContents(node);
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const r of range.getClientRects()) {
        if (r.width < 0.5 || r.height < 0.5) continue;
        const a = Math.max(0, r.left + sx), b = Math.max(0, r.top + sy);
        const c = Math.min(W, r.right + sx), d = Math.min(H, r.bottom + sy);
        if (c <= a || d <= b) continue;
        x0 = Math.min(x0, a); y0 = Math.min(y0, b); x1 = Math.max(x1, c); y1 = Math.max(y1, d);
      }
      if (!(x1 > x0 && y1 > y0)) continue;
      const col = parseColor(s.color);
      const alpha = col[3] * op;
      let rgb = [col[0], col[1], col[2]];
      if (alpha < 0.999) { const bg = background(el); rgb = [0,1,2].map(k => col[k] * alpha + bg[k] * (1 - alpha)); }
      blocks.push({text: raw.replace(/\s+/g, ' ').trim(), bbox: [x0 / W, y0 / H, (x1 - x0) / W, (y1 - y0) / H],
                   color: rgb.map(v => Math.round(v))});
    }
  }
  let total = 0, abs = 0;
  if (body) for (const el of body.querySelectorAll('*')) {
    if (SKIP.has(el.tagName)) continue;
    total++;
    const p = cs(el).position;
    if (p === 'absolute' || p === 'fixed') abs++;
  }
  return {width: W, height: H, blocks, elements: total, absolute: abs,
          title: document.title};
}
"""

OVERFLOW_JS = "() => { const s = document.scrollingElement || document.documentElement; return [s.scrollWidth, window.innerWidth]; }"

_CTYPES = {".html": "text/html", ".htm": "text/html", ".js": "text/javascript", ".mjs": "text/javascript",
           ".css": "text/css", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
           ".gif": "image/gif", ".svg": "image/svg+xml", ".webp": "image/webp", ".json": "application/json",
           ".woff": "font/woff", ".woff2": "font/woff2", ".ico": "image/x-icon", ".ttf": "font/ttf",
           ".otf": "font/otf"}


def viewport_height(width: int) -> int:
    """Viewport height used with a design width (Design2Code used Playwright's
    default 1280x720)."""
    if width >= 1024:
        return 720
    if width <= 480:
        return 844
    return 1024


@dataclass
class RenderResult:
    url: str
    width: int
    height: int = 0
    blocks: list = field(default_factory=list)
    screenshot: bytes | None = None
    elements: int = 0
    absolute: int = 0
    overflow80: bool | None = None
    scroll_width80: int = 0
    errors: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def absolute_fraction(self) -> float:
        return self.absolute / self.elements if self.elements else 0.0


class Renderer:
    """Headless Chromium through Playwright.  Pages are loaded from a fake
    origin (http://screenwright.test/<absolute path>) served from disk by a
    route handler, restricted to `roots`; every other request is aborted, so
    nothing is fetched from the network and ES modules work."""

    def __init__(self, roots: Iterable[str | os.PathLike] = (), executable: str | None = None,
                 web_fonts=None, fontconfig: str | os.PathLike | None = None):
        """`web_fonts`: a `design_fonts.WebFonts`; when given, a page's @font-face URLs that it
        knows are served from its local files (every other outside request is still aborted),
        so a Design2Code reference draws the web fonts its image was drawn with."""
        self.roots = [Path(r).resolve() for r in roots]
        self.executable = executable or CHROMIUM
        self.web_fonts = web_fonts
        self.fontconfig = str(fontconfig) if fontconfig else None
        self._pw = None
        self._browser = None
        self._page = None
        self._errors: list[str] = []

    def add_root(self, root):
        r = Path(root).resolve()
        if r not in self.roots:
            self.roots.append(r)

    def sibling(self, **options) -> "Renderer":
        """Another browser (other `options`: fonts…) on this renderer's Playwright, which allows one
        per thread; enter it inside this one's `with`."""
        other = Renderer(self.roots, self.executable, **options)
        other._shared_pw = self._pw
        return other

    def __enter__(self):
        from playwright.sync_api import sync_playwright
        self._pw = getattr(self, "_shared_pw", None) or sync_playwright().start()
        env = {**os.environ, "FONTCONFIG_FILE": self.fontconfig} if self.fontconfig else None
        self._browser = self._pw.chromium.launch(
            executable_path=self.executable, headless=True, env=env,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                  "--font-render-hinting=none", "--force-color-profile=srgb"])
        self._new_page()
        return self

    def _new_page(self):
        if self._page is not None:
            try:
                self._page.context.close()
            except Exception:
                pass
        ctx = self._browser.new_context(viewport={"width": 1280, "height": 720}, device_scale_factor=1,
                                        java_script_enabled=True)
        ctx.route("**/*", self._route)
        page = ctx.new_page()
        page.on("pageerror", lambda e: self._errors.append(f"pageerror: {e}"))
        page.on("console", lambda m: self._errors.append(f"console.error: {m.text}") if m.type == "error" else None)
        self._page = page

    def __exit__(self, *exc):
        try:
            if self._browser:
                self._browser.close()
        finally:
            if self._pw and getattr(self, "_shared_pw", None) is None:
                self._pw.stop()

    def _allowed(self, p: Path) -> bool:
        return any(p == r or r in p.parents for r in self.roots)

    def _route(self, route):
        url = route.request.url
        if not url.startswith(ORIGIN + "/"):
            font = self.web_fonts.file_for(url) if self.web_fonts else None
            if font is not None:
                return route.fulfill(status=200, path=str(font), content_type=_CTYPES.get(
                    font.suffix.lower(), "application/octet-stream"), headers={"Access-Control-Allow-Origin": "*"})
            return route.abort()
        from urllib.parse import unquote, urlsplit
        path = Path(unquote(urlsplit(url).path)).resolve()
        if not self._allowed(path) or not path.is_file():
            return route.fulfill(status=404, body="not found", content_type="text/plain")
        ctype = _CTYPES.get(path.suffix.lower(), "application/octet-stream")
        return route.fulfill(status=200, path=str(path), content_type=ctype)

    def url_for(self, path) -> str:
        from urllib.parse import quote
        p = Path(path).resolve()
        self.add_root(p.parent)
        return ORIGIN + quote(str(p))

    def render(self, path, width: int, screenshot: bool = True, overflow: bool = True,
               timeout_ms: int = 30000, settle_ms: int = 0, script: str | None = None) -> RenderResult:
        """Render a local HTML file at `width` and extract everything in one
        pass: text blocks, page size, position:absolute fraction, full-page
        screenshot, and overflow at 80 % width.  `script` (a JS function
        source) runs on the loaded page first (used by tests to perturb it)."""
        t0 = time.perf_counter()
        if self.web_fonts is not None:
            try:
                self.web_fonts.load_page(Path(path).read_text(errors="ignore"))
            except OSError:
                pass
        url = self.url_for(path)
        res = RenderResult(url=url, width=width)
        self._errors.clear()
        page = self._page
        try:
            page.set_viewport_size({"width": int(width), "height": viewport_height(int(width))})
            page.goto(url, wait_until="load", timeout=timeout_ms)
            page.wait_for_function(
                "() => !window.__swPending && (!document.fonts || document.fonts.status === 'loaded')",
                timeout=timeout_ms)
            if settle_ms:
                page.wait_for_timeout(settle_ms)
            if script:
                page.evaluate(script)
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            data = page.evaluate(EXTRACT_JS)
            res.width, res.height = int(data["width"]), int(data["height"])
            res.blocks = [{"text": b["text"], "bbox": tuple(b["bbox"]), "color": tuple(b["color"])}
                          for b in data["blocks"] if b["text"]]
            res.elements, res.absolute = data["elements"], data["absolute"]
            if screenshot:
                res.screenshot = page.screenshot(full_page=True, type="png", animations="disabled",
                                                 timeout=timeout_ms)
            if overflow:
                w80 = max(1, round(width * 0.8))
                page.set_viewport_size({"width": w80, "height": viewport_height(int(width))})
                sw, iw = page.evaluate(OVERFLOW_JS)
                res.scroll_width80 = int(sw)
                res.overflow80 = bool(sw > iw)
        except Exception as e:  # a broken page must not stop a run
            res.errors.append(f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")
            self._new_page()
        res.errors.extend(self._errors)
        res.seconds = time.perf_counter() - t0
        return res


def score_render(candidate: RenderResult, reference: RenderResult) -> dict:
    """All metrics of a candidate render against a reference render."""
    s = score_blocks(candidate.blocks, reference.blocks)
    if candidate.screenshot and reference.screenshot:
        s["ssim"] = screenshot_ssim(reference.screenshot, candidate.screenshot)
    else:
        s["ssim"] = 0.0
    s["absolute_fraction"] = candidate.absolute_fraction
    s["overflow80"] = candidate.overflow80
    return s


METRICS = ("block", "text", "position", "color", "ssim")
