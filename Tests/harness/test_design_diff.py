"""End to end: `mockup2code diff` against pages with known drift (issue 15).

Runs the release binary (`make build`) on samples/mockups designs: an unchanged page reports
nothing, each kind of synthetic drift is found with the right values (diff_eval.py's perturbations,
on a fixed subset), a screenshot page works without a browser, and bad input is one line + exit code.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import diff_eval  # noqa: E402

ROOT = HERE.parent.parent
BIN = Path(os.environ.get("SCREENWRIGHT_BIN_DIR", ROOT / ".build" / "release")) / "mockup2code"
SAMPLES = ROOT / "samples" / "mockups"
needs_binary = pytest.mark.skipif(not BIN.exists(), reason="release mockup2code not built (make build)")
needs_browser = pytest.mark.skipif(not (os.path.exists("/usr/bin/chromium") and os.path.exists("/usr/bin/chromedriver")),
                                   reason="chromium / chromedriver not installed")


def run(*args, timeout=180):
    return subprocess.run([str(BIN), *map(str, args)], capture_output=True, text=True, timeout=timeout)


@needs_binary
@needs_browser
def test_unchanged_page_reports_nothing_and_writes_json_and_picture(tmp_path):
    js, png = tmp_path / "d.json", tmp_path / "d.png"
    p = run("diff", SAMPLES / "login.png", SAMPLES / "login.html", "--json", js, "--image", png)
    assert p.returncode == 0, p.stderr
    rep = json.loads(js.read_text())
    assert rep["differences"] == [], rep["differences"]
    assert rep["matched"] == rep["designElements"] > 10
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    w, h = diff_eval.png_size(png)
    assert w > 2 * 1280 and h >= 800          # side by side
    assert "0 differences" in p.stdout


@needs_binary
@needs_browser
def test_synthetic_drift_is_found_with_the_right_values():
    # Two designs (10 cases) as a regression guard; the whole measurement (all ten designs,
    # docs/accuracy.md) is `python3 Tests/harness/diff_eval.py`. On these two: precision 1.0,
    # recall 0.907, values 7/9 when written; the issue asks recall and values >= 0.9 everywhere.
    res = diff_eval.evaluate(BIN, designs=["checkout", "settings"])
    assert not res["errors"], res["errors"]
    assert res["scored"] == 10
    assert res["precision"] >= 0.9, res
    assert res["recall"] >= 0.85, res
    assert res["values_ok"] >= 0.7 * res["values_reported"], res


@needs_binary
def test_screenshot_page_needs_no_browser(tmp_path):
    page = tmp_path / "page.png"
    shutil.copy(SAMPLES / "login.png", page)
    env = {**os.environ, "SCREENWRIGHT_CHROMIUM": "/nonexistent/chromium"}
    p = subprocess.run([str(BIN), "diff", SAMPLES / "login.png", page, "--json", "-"], capture_output=True,
                       text=True, timeout=180, env=env)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["differences"] == []


@needs_binary
def test_bad_input_is_one_line_and_an_exit_code(tmp_path):
    p = run("diff", SAMPLES / "login.png", tmp_path / "missing.html")
    assert p.returncode == 66
    assert p.stderr.count("\n") == 1 and "missing.html" in p.stderr
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    p = run("diff", junk, SAMPLES / "login.html")
    assert p.returncode == 65 and p.stderr.count("\n") == 1 and "junk.png" in p.stderr


@needs_binary
def test_html_page_without_browser_says_so(tmp_path):
    env = {**os.environ, "SCREENWRIGHT_CHROMEDRIVER": "/nonexistent/chromedriver"}
    p = subprocess.run([str(BIN), "diff", SAMPLES / "login.png", SAMPLES / "login.html"], capture_output=True,
                       text=True, timeout=180, env=env)
    assert p.returncode == 69, p.stderr
    assert p.stderr.count("\n") == 1 and "chromedriver" in p.stderr


@needs_binary
def test_conversion_without_browser_skips_refinement_in_one_line(tmp_path):
    env = {**os.environ, "SCREENWRIGHT_CHROMEDRIVER": "/nonexistent/chromedriver"}
    out, doc = tmp_path / "p.html", tmp_path / "d.json"
    p = subprocess.run([str(BIN), SAMPLES / "login.png", "-o", out, "--document", doc], capture_output=True,
                       text=True, timeout=180, env=env)
    assert p.returncode == 0, p.stderr
    assert p.stderr.count("refinement skipped") == 1
    assert json.loads(doc.read_text())["refinement"]["skipped"].startswith("refinement skipped")
    assert "<body>" in out.read_text()


@needs_binary
@needs_browser
def test_refinement_rounds_are_reported_and_nothing_is_positioned(tmp_path):
    out, doc = tmp_path / "p.html", tmp_path / "d.json"
    p = run(SAMPLES / "login.png", "-o", out, "--document", doc, "-v", "--rounds", "2")
    assert p.returncode == 0, p.stderr
    ref = json.loads(doc.read_text())["refinement"]
    assert ref["rounds"][0]["round"] == 0 and 1 <= len(ref["rounds"]) <= 3
    kept = [r["score"] for r in ref["rounds"] if r["kept"]]
    assert kept == sorted(kept)                      # each kept round improved on the last
    assert "refinement round 0: score" in p.stderr
    assert "position: absolute" not in out.read_text()
