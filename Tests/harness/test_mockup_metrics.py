"""Tests of the Design2Code metrics (mockup_metrics) and the mockup harness."""
import re
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import mockup_metrics as mm  # noqa: E402
import eval_mockups as ev  # noqa: E402


# --------------------------------------------------------------------------
# Colour
# --------------------------------------------------------------------------

# Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula:
# implementation notes, supplementary test data and mathematical observations",
# Table 1: (L1, a1, b1), (L2, a2, b2), dE00.
SHARMA = [
    ((50.0000, 2.6772, -79.7751), (50.0000, 0.0000, -82.7485), 2.0425),
    ((50.0000, 3.1571, -77.2803), (50.0000, 0.0000, -82.7485), 2.8615),
    ((50.0000, -1.3802, -84.2814), (50.0000, 0.0000, -82.7485), 1.0000),
    ((50.0000, 0.0000, 0.0000), (50.0000, -1.0000, 2.0000), 2.3669),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0009), 7.1792),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0011), 7.2195),
    ((50.0000, -0.0010, 2.4900), (50.0000, 0.0011, -2.4900), 4.7461),
    ((50.0000, 2.5000, 0.0000), (73.0000, 25.0000, -18.0000), 27.1492),
    ((50.0000, 2.5000, 0.0000), (56.0000, -27.0000, -3.0000), 31.9030),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
    ((90.9257, -0.5406, -0.9208), (88.6381, -0.8985, -0.7239), 1.5381),
    ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
]


def test_ciede2000_matches_sharma_reference_pairs():
    lab1 = [r[0] for r in SHARMA]
    lab2 = [r[1] for r in SHARMA]
    want = np.array([r[2] for r in SHARMA])
    got = mm.ciede2000(lab1, lab2)
    assert np.abs(got - want).max() < 1e-4
    assert np.allclose(mm.ciede2000(lab2, lab1), got)  # symmetric


def test_srgb_to_lab_anchor_values():
    assert np.allclose(mm.srgb_to_lab([255, 255, 255]), [100, 0, 0], atol=0.01)
    assert np.allclose(mm.srgb_to_lab([255, 0, 0]), [53.24, 80.09, 67.20], atol=0.01)
    assert np.allclose(mm.srgb_to_lab([0, 0, 0]), [0, 0, 0], atol=1e-9)


def test_color_similarity_range():
    assert mm.color_similarity((12, 34, 56), (12, 34, 56)) == pytest.approx(1.0)
    assert mm.color_similarity((0, 0, 0), (255, 255, 255)) == pytest.approx(0.0, abs=1e-3)
    near = mm.color_similarity((37, 99, 235), (40, 100, 230))
    far = mm.color_similarity((37, 99, 235), (220, 38, 38))
    assert 0.97 < near < 1.0 and far < 0.6


# --------------------------------------------------------------------------
# SSIM
# --------------------------------------------------------------------------

def test_ssim_identity_and_noise():
    rng = np.random.default_rng(0)
    img = np.zeros((120, 160))
    img[20:60, 30:130] = 200
    img[80:100, 10:70] = 90
    assert mm.ssim(img, img) == pytest.approx(1.0)
    noise = rng.uniform(0, 255, img.shape)
    assert mm.ssim(img, noise) < 0.1
    blurred = np.clip(img + rng.normal(0, 8, img.shape), 0, 255)
    assert 0.2 < mm.ssim(img, blurred) < 1.0


def test_screenshot_ssim_resizes_to_the_reference():
    from PIL import Image
    a = Image.new("RGB", (400, 900), "white")
    b = Image.new("RGB", (400, 1200), "white")
    assert mm.screenshot_ssim(a, a) == pytest.approx(1.0)
    assert mm.screenshot_ssim(a, b) == pytest.approx(1.0)  # both plain white


def test_reference_fidelity_reports_heights_and_ssim_against_the_design():
    from PIL import Image, ImageDraw
    design = Image.new("RGB", (400, 900), "white")
    ImageDraw.Draw(design).rectangle((40, 100, 360, 160), fill="black")
    same = mm.reference_fidelity(design, 900, design)
    assert same == {"design_height": 900, "reference_height": 900, "height_difference": 0, "ssim": 1.0}
    # a reference whose fallback font wrapped shorter: its bar sits higher, the page is shorter
    shorter = Image.new("RGB", (400, 860), "white")
    ImageDraw.Draw(shorter).rectangle((40, 60, 360, 120), fill="black")
    off = mm.reference_fidelity(shorter, 860, design)
    assert off["height_difference"] == -40 and off["design_height"] == 900
    assert off["ssim"] < 0.95


def test_reference_line_summarises_each_set_once_per_design():
    rows = [{"design": "d2c/1", "target": t, "reference": {"ssim": 0.8, "height_difference": -40}} for t in ("html", "vue")]
    rows += [{"design": "d2c/2", "target": "html", "reference": {"ssim": 1.0, "height_difference": 1}},
             {"design": "sample/login", "target": "html", "reference": {"ssim": 0.98, "height_difference": 0}}]
    line = ev.reference_line({"rows": rows})
    assert "Design2Code: SSIM* 0.900, 1/2 another height (up to 40 px)" in line
    assert "samples/mockups: SSIM* 0.980, 0/1 another height" in line
    assert ev.reference_line({"rows": [{"design": "d2c/1", "target": "html"}]}) == ""


# --------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------

def _adjust_loop(cost, bonus, w):
    """Straightforward loop form of the context bonus, for comparison."""
    n, m = cost.shape
    out = cost.copy()
    for i in range(n):
        for j in range(m):
            if cost[i, j] >= -0.5:
                continue
            vals = sorted(cost[max(0, i - w):i + w + 1, max(0, j - w):j + w + 1].ravel().tolist(), reverse=True)
            vals.remove(cost[i, j])
            out[i, j] += bonus * sum(vals[-2 * w:])
    return out


@pytest.mark.parametrize("shape", [(1, 1), (1, 3), (4, 2), (7, 9), (12, 5)])
def test_vectorised_context_bonus_equals_the_loop(shape):
    rng = np.random.default_rng(sum(shape))
    cost = -rng.uniform(0, 1, shape)
    for w in (1, 2):
        assert np.allclose(mm.adjust_cost_for_context(cost, 0.1, w), _adjust_loop(cost, 0.1, w))


def test_difference_of_means():
    assert mm.difference_of_means([-1.0, -0.2], [-1.0, -0.9]) == pytest.approx(0.7)
    assert mm.difference_of_means([-1.0, -0.9], [-1.0, -0.2]) == pytest.approx(-0.7)
    assert mm.difference_of_means([-1.0, -1.0], [-1.0, -1.0]) == 0


def B(text, x, y, w=0.2, h=0.05, color=(0, 0, 0)):
    return {"text": text, "bbox": (x, y, w, h), "color": color}


REF = [B("Welcome back", 0.1, 0.1), B("Sign in to your Northwind account", 0.1, 0.2, 0.4),
       B("Email address", 0.1, 0.3), B("Forgot password?", 0.6, 0.4, color=(37, 99, 235)),
       B("Continue with Google", 0.3, 0.6, 0.3)]


def test_identical_blocks_score_one():
    s = mm.score_blocks([dict(b) for b in REF], REF)
    assert s["n_matched"] == len(REF)
    for k in ("block", "text", "position", "color"):
        assert s[k] == pytest.approx(1.0)


def test_position_and_colour_of_matched_pairs():
    cand = [dict(b) for b in REF]
    cand[0] = B("Welcome back", 0.2, 0.12)                 # dx 0.1, dy 0.02
    cand[3] = B("Forgot password?", 0.6, 0.4, color=(0, 0, 0))
    s = mm.score_blocks(cand, REF)
    assert s["position"] == pytest.approx(1 - 0.1 / len(REF))
    blue_black = mm.color_similarity((37, 99, 235), (0, 0, 0))
    assert s["color"] == pytest.approx((len(REF) - 1 + blue_black) / len(REF))


def test_pairs_under_half_similarity_are_dropped_and_count_as_missed_area():
    cand = [B("Welcome back", 0.1, 0.1), B("zzzz qqqq", 0.5, 0.5)]
    ref = [B("Welcome back", 0.1, 0.1), B("Totally different", 0.5, 0.7, 0.4, 0.1)]
    s = mm.score_blocks(cand, ref)
    assert s["n_matched"] == 1
    a = 0.2 * 0.05
    assert s["block"] == pytest.approx((2 * a) / (2 * a + a + 0.4 * 0.1))
    assert s["text"] == pytest.approx(1.0)
    unrelated = mm.score_blocks([B("qqqq", 0.1, 0.1)], [B("Welcome", 0.1, 0.1)])
    assert unrelated["n_matched"] == 0 and unrelated["block"] == 0 and unrelated["position"] == 0


def test_hallucinated_blocks_lower_block_score():
    extra = [dict(b) for b in REF] + [B("Lorem ipsum dolor sit amet", 0.1, 0.8, 0.5, 0.1)]
    s = mm.score_blocks(extra, REF)
    assert s["n_matched"] == len(REF) and 0.6 < s["block"] < 1.0 and s["text"] == pytest.approx(1.0)


def test_split_candidate_blocks_are_merged_before_matching():
    ref = [B("Sign in to your Northwind account", 0.1, 0.2, 0.4), B("Email address", 0.1, 0.3)]
    cand = [B("Sign in to your", 0.1, 0.2, 0.2), B("Northwind account", 0.3, 0.2, 0.2), B("Email address", 0.1, 0.3)]
    s = mm.score_blocks(cand, ref)
    assert s["n_candidate_merged"] == 2 and s["n_matched"] == 2
    assert s["text"] == pytest.approx(1.0) and s["block"] == pytest.approx(1.0)


def test_matching_is_one_to_one_on_text_similarity():
    ref = [B("Monthly", 0.1, 0.1), B("Yearly", 0.3, 0.1)]
    cand = [B("Yearly", 0.1, 0.1), B("Monthly", 0.3, 0.1)]   # swapped places
    A, Bm, matching = mm.find_possible_merge(cand, ref)
    assert sorted(matching) == [(0, 1), (1, 0)]
    s = mm.score_blocks(cand, ref)
    assert s["text"] == pytest.approx(1.0) and s["position"] == pytest.approx(0.8)


def test_no_blocks_scores_zero():
    assert mm.score_blocks([], REF)["block"] == 0
    assert mm.score_blocks(REF, [])["text"] == 0


# --------------------------------------------------------------------------
# Harness helpers
# --------------------------------------------------------------------------

def test_sfc_splitter_and_syntax_check():
    sfc = ev.split_sfc("""<template>
  <div><template v-if="a"><p>x</p></template><span>{{ n }}</span></div>
</template>
<script setup>
import { ref } from 'vue'
const n = ref(1)
</script>
<style scoped>.a { color: red }</style>
<style>.b { color: blue }</style>""")
    assert sfc["setup"] and "<template v-if" in sfc["template"] and len(sfc["styles"]) == 2
    assert ev._top_level_names("const n = ref(1)\nfunction f() {\n const inner = 2\n}\nconst { a, b: c } = x") == ["n", "f", "a", "c"]
    assert ev.html_syntax("<div><p>ok</div>") == []
    assert ev.html_syntax("<div><span>bad</div>")


def test_import_rewriting():
    css = []
    js = ev._rewrite_imports('import React, { useState as us } from "react";\nimport "./x.css";\n',
                             css, Path("/nonexistent"), {"react": "react"})
    assert 'const React = (__mods["react"]).default' in js and "useState: us" in js
    with pytest.raises(ev.PrepError):
        ev._rewrite_imports('import x from "left-pad";', [], Path("."), {})
    out = ev._rewrite_exports("export default function App() {}\nexport const a = 1;")
    assert out.startswith("function App()") and "__exports.default = App;" in out
    assert not re.search(r"^export", out, re.M)


# --------------------------------------------------------------------------
# Rendering (headless Chromium)
# --------------------------------------------------------------------------

D2C = ev.d2c_dir()
HAVE_BROWSER = Path(mm.CHROMIUM).exists() and shutil.which(mm.CHROMIUM) is not None
try:
    import playwright  # noqa: F401
    import PIL  # noqa: F401
except ImportError:
    HAVE_BROWSER = False
needs_browser = pytest.mark.skipif(not HAVE_BROWSER, reason="needs playwright, pillow and /usr/bin/chromium")
SELF_PAGES = ["391", "5755"]  # two small Design2Code pages

BLANK_JS = "() => { document.body.innerHTML = ''; }"
SCRAMBLE_JS = r"""() => { const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); let n;
  while ((n = w.nextNode())) n.data = n.data.split('').reverse().join('').replace(/[aeiou]/g, 'x'); }"""


@pytest.fixture(scope="module")
def renderer(tmp_path_factory):
    with mm.Renderer([D2C, tmp_path_factory.getbasetemp()]) as r:
        yield r


@needs_browser
@pytest.mark.skipif(not all((D2C / f"{i}.html").exists() for i in SELF_PAGES), reason="Design2Code sample missing")
def test_reference_against_itself_and_against_broken_pages(renderer):
    for pid in SELF_PAGES:
        path = D2C / f"{pid}.html"
        ref = renderer.render(path, 1280, overflow=False)
        assert ref.blocks and ref.screenshot
        me = mm.score_render(renderer.render(path, 1280), ref)
        for k in mm.METRICS:
            assert me[k] == pytest.approx(1.0, abs=1e-6), (pid, k, me)
        blank = mm.score_render(renderer.render(path, 1280, script=BLANK_JS), ref)
        assert blank["block"] == blank["text"] == blank["position"] == blank["color"] == 0
        assert blank["ssim"] < 0.9
        scrambled = mm.score_render(renderer.render(path, 1280, script=SCRAMBLE_JS), ref)
        assert scrambled["block"] < 0.5


@needs_browser
def test_extraction_reads_text_box_and_colour(renderer, tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<html><body style="margin:0"><h1 style="color:#2563eb;margin:0;font:32px/40px sans-serif">Hello</h1>'
                    '<p style="color:rgba(0,0,0,.5);margin:0;font:16px/20px sans-serif">half black</p>'
                    '<div style="position:absolute;left:0;top:300px">abs</div>'
                    '<div style="display:none">hidden</div><script>var x = "not text";</script></body></html>')
    res = renderer.render(page, 800)
    texts = [b["text"] for b in res.blocks]
    assert texts == ["Hello", "half black", "abs"]
    h1 = res.blocks[0]
    assert h1["color"] == (37, 99, 235)
    top, height = h1["bbox"][1] * res.height, h1["bbox"][3] * res.height
    assert 0 <= top < 8 and 28 < height <= 40 and top + height <= 40  # the text's box inside its 40px line
    assert res.blocks[1]["color"] == (128, 128, 128)  # alpha composited over white
    assert res.absolute == 1 and res.elements == 4   # h1, p, both divs; <script> not counted
    assert res.overflow80 is False


@needs_browser
def test_overflow_at_80_percent(renderer, tmp_path):
    page = tmp_path / "wide.html"
    page.write_text('<html><body style="margin:0"><div style="width:1000px">fixed width</div></body></html>')
    assert renderer.render(page, 1000).overflow80 is True
    page.write_text('<html><body style="margin:0"><div style="max-width:1000px">fluid</div></body></html>')
    assert renderer.render(page, 1000).overflow80 is False


@needs_browser
@pytest.mark.skipif(not ev.find_runtimes()["esbuild"] or not ev.find_runtimes()["react"], reason="needs esbuild-py and dash")
def test_react_component_renders(renderer, tmp_path):
    rt = ev.find_runtimes()
    jsx = tmp_path / "App.jsx"
    jsx.write_text('import React, { useState } from "react";\nimport "./App.css";\n'
                   'export default function App() {\n  const [n] = useState(3);\n'
                   '  return <main className="box"><h1>Cart</h1><p>{n} items</p></main>;\n}\n')
    (tmp_path / "App.css").write_text(".box h1 { color: rgb(220, 38, 38); }")
    page = ev.prep_react(jsx, rt, renderer.url_for)
    res = renderer.render(page, 600)
    assert [b["text"] for b in res.blocks] == ["Cart", "3", "items"], res.errors  # React makes two text nodes
    assert res.blocks[0]["color"] == (220, 38, 38)


@needs_browser
@pytest.mark.skipif(not ev.find_runtimes()["vue"], reason="needs a Vue 3 browser build (nicegui)")
def test_vue_component_renders(renderer, tmp_path):
    rt = ev.find_runtimes()
    sfc = tmp_path / "App.vue"
    sfc.write_text('<template>\n  <ul><li v-for="p in plans" :key="p">{{ p }}</li></ul>\n</template>\n'
                   "<script setup>\nimport { ref } from 'vue'\nconst plans = ref(['Starter', 'Growth'])\n</script>\n"
                   "<style scoped>li { color: rgb(15, 118, 110); }</style>\n")
    page = ev.prep_vue(sfc, rt, renderer.url_for)
    res = renderer.render(page, 600)
    assert [b["text"] for b in res.blocks] == ["Starter", "Growth"], res.errors
    assert res.blocks[0]["color"] == (15, 118, 110)


@needs_browser
@pytest.mark.skipif(not ev.find_runtimes()["tailwind"], reason="needs Tailwind's browser build (nicegui)")
def test_tailwind_classes_apply(renderer, tmp_path):
    rt = ev.find_runtimes()
    out = tmp_path / "tw.html"
    out.write_text('<!doctype html><html><head><script src="https://cdn.tailwindcss.com"></script></head>'
                   '<body><h1 class="text-red-600 p-8">Pricing</h1></body></html>')
    page = ev.prep_tailwind(out, rt, renderer.url_for)
    res = renderer.render(page, 800, settle_ms=150)
    assert res.blocks[0]["text"] == "Pricing"
    assert res.blocks[0]["bbox"][0] * res.width == pytest.approx(32, abs=1)  # p-8 = 2rem
    r, g, b = res.blocks[0]["color"]
    assert r > 180 and g < 60 and b < 60


def test_missing_design_font_set_is_one_line_error(tmp_path, monkeypatch, capsys):
    """Design2Code references without the drawing machine's fonts would score every page against
    a differently wrapped reference: the harness refuses in one line (exit 2) unless --system-fonts."""
    monkeypatch.setenv("SCREENWRIGHT_DESIGN_FONTS", str(tmp_path / "no-fonts-here"))
    args = type("A", (), {"system_fonts": False})()
    d2c = [{"id": "d2c/1"}]
    with pytest.raises(ev.FontSetMissing, match="make design-fonts"):
        ev.reference_fonts(args, d2c)
    args.system_fonts = True
    assert ev.reference_fonts(args, d2c) == (None, "Design2Code references rendered with the system's fonts (--system-fonts)")
    args.system_fonts = False
    assert ev.reference_fonts(args, [{"id": "sample/login"}]) == (None, None)
    pages = sorted(ev.d2c_dir().glob("*.png"))
    if not pages:
        pytest.skip("no Design2Code pages beside the repo (../shared/design2code)")
    rc = ev.main(["--ids", "d2c/" + pages[0].stem, "--no-docs", "--no-axe", "--no-before-after", "--bin", str(tmp_path / "none"),
                  "--out", str(tmp_path / "out")])
    assert rc == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("eval-mockups: the drawing machine's font set is not in ")
