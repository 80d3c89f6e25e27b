"""Tests of the component measure and the axe-core check (mockup_components)."""
import shutil
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import mockup_metrics as mm  # noqa: E402
import mockup_components as mc  # noqa: E402

HAVE_BROWSER = Path(mm.CHROMIUM).exists() and shutil.which(mm.CHROMIUM) is not None
try:
    import playwright  # noqa: F401
except ImportError:
    HAVE_BROWSER = False
needs_browser = pytest.mark.skipif(not HAVE_BROWSER, reason="needs playwright and /usr/bin/chromium")


def comp(kind, x, y, w, h):
    return {"kind": kind, "box": (x, y, w, h), "tag": "x"}


def test_same_kind_near_the_same_place_matches_one_to_one():
    ref = [comp("heading", 10, 10, 200, 30), comp("textfield", 10, 60, 300, 40), comp("button", 10, 120, 300, 40)]
    cand = [comp("heading", 14, 12, 180, 28),      # same place: a match
            comp("heading", 14, 12, 180, 28),      # a duplicate: only one can match
            comp("textfield", 10, 400, 300, 40),   # same kind, elsewhere: no match
            comp("link", 12, 122, 296, 38)]        # a link where the design has a button: accepted
    c = mc.match(ref, cand)
    assert c["heading"] == {"ref": 1, "cand": 2, "matched": 1}
    assert c["textfield"] == {"ref": 1, "cand": 1, "matched": 0}
    # the link standing for the button is counted on the button's kind
    assert c["button"] == {"ref": 1, "cand": 1, "matched": 1}
    assert c["link"] == {"ref": 0, "cand": 0, "matched": 0}
    p = mc.pooled([c])
    assert p["total"]["recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert p["total"]["precision"] == pytest.approx(2 / 4, abs=1e-3)


def test_a_paragraph_for_a_heading_is_a_miss():
    ref = [comp("heading", 10, 10, 200, 30)]
    c = mc.match(ref, [])
    assert mc.pooled([c])["total"]["recall"] == 0.0
    assert mc.pooled([c])["total"]["precision"] is None


def test_ratchet_floors_fail_when_recall_falls(tmp_path, monkeypatch):
    monkeypatch.setattr(mc, "RATCHET", tmp_path / "r.json")
    good = {"samples/mockups|html": {"components": mc.pooled([{"heading": {"ref": 10, "cand": 10, "matched": 9}}])}}
    bad = {"samples/mockups|html": {"components": mc.pooled([{"heading": {"ref": 10, "cand": 10, "matched": 5}}])}}
    assert mc.update_ratchet(good, ["a"], "now") == []
    assert mc.check_ratchet(good, ["a"]) == []
    fails = mc.check_ratchet(bad, ["a"])
    assert fails and "recall" in fails[0]


DESIGN = """<!doctype html><html lang="en"><head><title>t</title><style>
body { margin: 0; background: #f3f4f6; font: 16px Arial; }
.card { margin: 40px; width: 400px; padding: 24px; background: #fff; box-shadow: 0 4px 12px rgba(0,0,0,.1); }
.box { width: 16px; height: 16px; border: 1px solid #999; display: inline-block; }
</style></head><body><main>
<div class="card"><h1>Sign in</h1>
<label for="e">Email</label><input id="e" placeholder="you@x.io">
<select aria-label="Size"><option>Small</option></select>
<span class="box" role="checkbox" aria-checked="false" aria-label="Remember"></span>
<button>Go</button> <a>Help</a> <img alt="x" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" width="40" height="40">
<p style="display:none"><button>hidden</button></p>
</div></main></body></html>"""

FLAT = """<!doctype html><html lang="en"><head><title>t</title><style>
body { margin: 0; background: #f3f4f6; font: 16px Arial; } p { margin: 40px; }
</style></head><body><main><p>Sign in Email you@x.io Small Remember Go Help</p></main></body></html>"""


@needs_browser
def test_components_read_from_the_dom_and_a_flat_page_misses_them(tmp_path):
    (tmp_path / "design.html").write_text(DESIGN)
    (tmp_path / "flat.html").write_text(FLAT)
    with mm.Renderer([tmp_path]) as r:
        r.render(tmp_path / "design.html", 800, overflow=False, screenshot=False)
        ref = mc.extract(r, 800)
        kinds = sorted(c["kind"] for c in ref)
        assert kinds == ["button", "container", "heading", "image", "label", "link", "select", "textfield", "toggle"]
        assert mc.pooled([mc.match(ref, ref)])["total"]["recall"] == 1.0
        r.render(tmp_path / "flat.html", 800, overflow=False, screenshot=False)
        flat = mc.extract(r, 800)
        assert mc.pooled([mc.match(ref, flat)])["total"]["recall"] == 0.0
        if mc.axe_available():
            found = mc.axe(r, 800)
            assert found is not None and "error" not in found


@needs_browser
def test_text_components_off_the_page_are_not_counted(tmp_path):
    """A menu moved off-page (`left: -9999px`, a closed drawer) is not in the design image."""
    (tmp_path / "p.html").write_text(
        "<!doctype html><html><body style='margin:0;font:16px Arial'>"
        "<div style='position:absolute;left:-400px;top:40px;width:300px'><h3>Archive</h3><a>Older posts</a></div>"
        "<div style='position:absolute;left:-60px;top:140px;width:300px'><a>Half on the page</a></div>"
        "<h2 style='margin:200px 0 0 20px'>Visible</h2><a style='margin-left:20px'>Shown link</a></body></html>")
    with mm.Renderer([tmp_path]) as r:
        r.render(tmp_path / "p.html", 800, overflow=False, screenshot=False)
        comps = mc.extract(r, 800)
    assert sorted(c["kind"] for c in comps) == ["heading", "link", "link"]
    assert all(c["box"][0] >= 0 for c in comps)  # the half-shown link is clipped to the page


def test_contrast_the_design_has_is_told_apart_by_text_or_by_place():
    design = {"color-contrast": ["Antispam", "Posted by admin"],
              "_contrast_boxes": [[100, 200, 80, 16], [100, 400, 120, 16]]}
    # the same text elsewhere; an OCR misreading at the failing design text's place; a new failure
    page = {"color-contrast": ["Antispam", "Pq", "Brand new"],
            "_contrast_boxes": [[300, 900, 80, 16], [102, 401, 110, 16], [600, 700, 90, 16]]}
    s = mc.axe_summary(page, design)
    assert s["design_contrast"] == 2
    assert s["violations"] == {"color-contrast (not in the design)": 1}
    assert "_contrast_boxes" not in s["examples"]
    # without boxes (an older reading) only the text decides
    s = mc.axe_summary({"color-contrast": ["Pq"]}, {"color-contrast": ["Posted by admin"]})
    assert s["design_contrast"] == 0
