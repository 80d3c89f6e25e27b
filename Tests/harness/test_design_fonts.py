"""The Design2Code references' font set (design_fonts.py): parsing a page's @font-face rules,
finding their faces in the cache, and the reference renderer's fonts.  The tests that need the
fetched set (`make design-fonts`) skip without it; nothing here touches the network."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import design_fonts as dfn  # noqa: E402

PAGE = """<style>
@font-face { font-family: 'Open Sans'; font-style: italic; font-weight: 700;
  src: url(https://fonts.gstatic.com/s/opensans/v36/bold-italic.ttf) format('truetype'); }
@font-face {font-family:"Lato";font-weight:bold;src:url("https://fonts.gstatic.com/s/lato/v24/b.woff2") format('woff2'),
  url('https://fonts.gstatic.com/s/lato/v24/b.woff') format('woff')}
@font-face { font-family: 'Museo Sans Cyrl'; src: url('../fonts/MuseoSansCyrl-500.woff2') format('woff2'); }
@font-face { font-family: 'Inter var'; font-weight: 100 900; src: url(https://example.test/inter.woff2); }
</style>"""


def test_font_faces_reads_family_weight_style_and_remote_urls():
    faces = dfn.font_faces(PAGE)
    # The local-only rule (a relative url) is not a web font: the drawing machine could not fetch it either.
    assert [f["family"] for f in faces] == ["Open Sans", "Lato", "Inter var"]
    assert faces[0] == {"family": "Open Sans", "weight": 700, "italic": True,
                        "urls": ["https://fonts.gstatic.com/s/opensans/v36/bold-italic.ttf"]}
    assert faces[1]["weight"] == 700 and not faces[1]["italic"]
    assert faces[1]["urls"] == ["https://fonts.gstatic.com/s/lato/v24/b.woff2",
                                "https://fonts.gstatic.com/s/lato/v24/b.woff"]
    assert faces[2]["weight"] == 100  # a variable font's range: its lower end


@pytest.mark.parametrize("value,weight", [(None, 400), ("normal", 400), ("bold", 700), ("300", 300),
                                          ("550", 600), ("1000", 900), ("lighter", 400)])
def test_css_weight(value, weight):
    assert dfn.css_weight(value) == weight


def test_not_fetched_means_no_fonts(tmp_path):
    assert not dfn.installed(tmp_path)
    assert dfn.fontconfig(tmp_path) is None and dfn.web_fonts(tmp_path) is None
    (tmp_path / "packages.txt").write_text("fonts-dejavu-core\n")  # a partial fetch is not the set
    assert dfn.fontconfig(tmp_path) is None


needs_set = pytest.mark.skipif(not dfn.installed(), reason="design fonts not fetched (make design-fonts)")


@needs_set
def test_web_fonts_map_urls_to_the_family_only():
    web = dfn.web_fonts()
    assert web.load_page(PAGE) == 2  # Open Sans and Lato are packaged; 'Inter var' is not a family here
    f = web.file_for("https://fonts.gstatic.com/s/opensans/v36/bold-italic.ttf")
    assert f is not None and "OpenSans-BoldItalic" in f.name
    assert "Lato-Bold" in web.file_for("https://fonts.gstatic.com/s/lato/v24/b.woff").name
    assert web.file_for("https://example.test/inter.woff2") is None
    # A family the set does not hold is never stood in for by another (fontconfig's nearest match).
    assert web.face_file("Merriweather", 400, False) is None


@needs_set
def test_reference_fontconfig_holds_dejavu_only():
    import os
    import subprocess
    env = {**os.environ, "FONTCONFIG_FILE": str(dfn.fontconfig())}
    fams = subprocess.run(["fc-list", ":", "family"], env=env, capture_output=True, text=True).stdout
    names = {n.strip() for line in fams.splitlines() for n in line.split(",")}
    assert names and all(n.startswith("DejaVu") for n in names), names
    arial = subprocess.run(["fc-match", "-f", "%{family}", "Arial"], env=env, capture_output=True, text=True).stdout
    assert arial.startswith("DejaVu Sans")


@needs_set
def test_reference_renderer_draws_the_web_font_and_dejavu(tmp_path):
    import mockup_metrics as mm
    page = tmp_path / "p.html"
    page.write_text(PAGE.replace("</style>", "p{margin:0;font-size:40px}</style>") +
                    "<p id=a style=\"font-family:'Lato';font-weight:bold\">Wide words here</p>"
                    "<p id=b style='font-family:Arial'>Wide words here</p>")
    widths = {}
    with mm.Renderer([tmp_path]) as sysr:
        with sysr.sibling(fontconfig=dfn.fontconfig(), web_fonts=dfn.web_fonts()) as ref:
            for name, r in (("system", sysr), ("reference", ref)):
                res = r.render(page, 800, overflow=False)
                assert res.screenshot  # (the system's renderer aborts the font requests: console errors)
                widths[name] = r._page.evaluate(
                    "() => [...document.querySelectorAll('p')].map(p => { const g = document.createRange();"
                    " g.selectNodeContents(p); return g.getBoundingClientRect().width; })")
    # Arial: Liberation Sans on the system, DejaVu Sans (wider) on the drawing machine.
    assert widths["reference"][1] > widths["system"][1] * 1.05
    # Lato is drawn only where the page loads it as a web font: it differs from the system's fallback.
    assert abs(widths["reference"][0] - widths["system"][0]) > 5
