"""The review report (issue 14), rendered in headless Chromium.

- Several samples analysed with `--report` in different targets: the page loads with no console
  error, every image decodes (naturalWidth > 0), j/k move between the steps, the page is under
  2 MB, the script's CSP hash matches the script.
- A stored timeline (reference/report-todo-add-items.timeline.json) rendered with `vid2auto
  report` is screenshot at 1280x900 and compared with reference/report-todo-add-items.png at
  half size, with a tolerance that survives font antialiasing but not a broken layout.
  `RECORD_REPORT_SCREENSHOT=1` rewrites the reference and fails.
- Hostile text in every field of a timeline stays text: no dialog, no element made of it, no
  script run from it.
- `vid2auto batch … --report` writes each report and an index.html linking them.
Needs the release binary (`make build`).
"""
import base64
import hashlib
import json
import os
import re
import subprocess

import numpy as np
import pytest
from PIL import Image, ImageFilter

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
BIN = os.path.join(os.environ.get("SCREENWRIGHT_BIN_DIR", os.path.join(REPO, ".build", "release")), "vid2auto")
SAMPLES = os.path.join(REPO, "samples", "recordings")
REFERENCE_TIMELINE = os.path.join(HERE, "reference", "report-todo-add-items.timeline.json")
REFERENCE_PNG = os.path.join(HERE, "reference", "report-todo-add-items.png")
MAX_BYTES = 2 * 1024 * 1024
HOSTILE = "\"'</script><img src=x onerror=\"window.__pwned=1\">{{x}}&amp;\u2028\u2029<!--<b>bold</b>"

needs_binary = pytest.mark.skipif(not os.path.exists(BIN), reason="release vid2auto not built (make build)")


def run(args, timeout=300):
    r = subprocess.run([BIN] + args, capture_output=True, text=True, timeout=timeout, cwd=REPO)
    assert r.returncode == 0, r.stderr
    return r


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        yield b
        b.close()


def open_page(browser, path, scheme="light"):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    problems, dialogs = [], []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto("file://" + path)
    page.wait_for_load_state("load")
    return page, problems, dialogs


def broken_images(page):
    return page.evaluate("Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.alt)")


@needs_binary
@pytest.mark.parametrize("sample,target", [("todo-add-items.mp4", "playwright-python"),
                                           ("signup-register.mp4", "selenium-java"),
                                           ("ledger-signout-menu.mp4", "steps")])
def test_sample_reports_render_without_errors(browser, tmp_path, sample, target):
    html = tmp_path / "report.html"
    run([os.path.join(SAMPLES, sample), "--target", target, "-o", str(tmp_path / "script"), "--report", str(html)])
    size = html.stat().st_size
    assert size <= MAX_BYTES, f"{sample}: report is {size} bytes"
    text = html.read_text()
    assert not re.search(r'(src|href)="(https?:)?//|@import|url\(', text), "the page loads nothing from anywhere"
    page, problems, _ = open_page(browser, str(html))
    steps = page.locator("section.step")
    assert steps.count() >= 3
    assert broken_images(page) == []
    # Every step has both evidence images (actions) and script lines.
    for i in range(steps.count()):
        s = steps.nth(i)
        assert s.locator("pre.lines").inner_text().strip(), f"step {i + 1} has no lines"
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.evaluate("document.querySelector('section.step.current').id") == "step-2"
    page.keyboard.press("k")
    assert page.evaluate("document.querySelector('section.step.current').id") == "step-1"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.querySelector('section.step.current').id") == "step-2"
    assert page.locator("#swarm svg.chart rect.seg").count() >= 1
    assert problems == []
    page.close()


@needs_binary
def test_the_inline_script_is_the_one_the_policy_allows(tmp_path):
    html = tmp_path / "r.html"
    run(["report", REFERENCE_TIMELINE, "--recording", os.path.join(SAMPLES, "todo-add-items.mp4"), "-o", str(html)])
    text = html.read_text()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text).group(1)
    scripts = re.findall(r"<script>(.*?)</script>", text, flags=re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy and "img-src data:" in policy


def comparable(img):
    """Half size, gray, slightly blurred: antialiasing differences fade, layout does not."""
    g = img.convert("L").resize((640, 450), Image.BILINEAR).filter(ImageFilter.GaussianBlur(1.2))
    return np.asarray(g, dtype=np.float32)


@needs_binary
def test_report_screenshot_matches_the_reference(browser, tmp_path):
    html = tmp_path / "r.html"
    run(["report", REFERENCE_TIMELINE, "--recording", os.path.join(SAMPLES, "todo-add-items.mp4"), "-o", str(html)])
    page, problems, _ = open_page(browser, str(html))
    shot = tmp_path / "shot.png"
    page.screenshot(path=str(shot))
    assert problems == []
    # Dark mode really is dark.
    dark, _, _ = open_page(browser, str(html), scheme="dark")
    bg = dark.evaluate("getComputedStyle(document.body).backgroundColor")
    assert sum(int(v) for v in re.findall(r"\d+", bg)[:3]) < 150, bg
    dark.close()
    page.close()
    current = Image.open(shot)
    if os.environ.get("RECORD_REPORT_SCREENSHOT") == "1":
        current.convert("RGB").resize((640, 450), Image.LANCZOS).quantize(64).save(REFERENCE_PNG, optimize=True)
        pytest.fail("recorded the reference screenshot; unset RECORD_REPORT_SCREENSHOT and run again")
    assert os.path.exists(REFERENCE_PNG), "no reference: run with RECORD_REPORT_SCREENSHOT=1"
    a, b = comparable(current), comparable(Image.open(REFERENCE_PNG).convert("RGB").resize((1280, 900)))
    diff = np.abs(a - b)
    mean, changed = float(diff.mean()), float((diff > 48).mean())
    if mean > 4.0 or changed > 0.02:
        current.save(os.path.join(str(tmp_path), "current.png"))
    assert mean <= 4.0 and changed <= 0.02, f"screenshot differs: mean {mean:.2f}, {changed:.1%} of pixels changed a lot ({tmp_path})"


def test_the_comparison_catches_a_broken_layout():
    """The tolerance is not so loose that a page without its styles passes."""
    ref = Image.open(REFERENCE_PNG).convert("RGB").resize((1280, 900))
    shifted = Image.new("RGB", ref.size, "white")
    shifted.paste(ref.crop((0, 0, 1280, 900 - 120)), (0, 120))   # everything 120 px lower
    diff = np.abs(comparable(ref) - comparable(shifted))
    assert float(diff.mean()) > 4.0 or float((diff > 48).mean()) > 0.02


@needs_binary
def test_hostile_screen_text_stays_text(browser, tmp_path):
    with open(REFERENCE_TIMELINE) as f:
        t = json.load(f)
    for a in t["actions"]:
        a["target"] = {**(a.get("target") or {}), "name": HOSTILE, "text": HOSTILE, "label": HOSTILE,
                       "placeholder": HOSTILE, "context": HOSTILE, "role": "button"}
        a["appeared"] = [HOSTILE]
        a["navigatesTo"] = "javascript:window.__pwned=2//" + HOSTILE
        if a["kind"] in ("fill", "select", "goto"):
            a["value"] = HOSTILE
    t["startURL"] = "http://x/" + HOSTILE
    t["diagnostics"] = [{"severity": "warning", "segment": 0, "message": HOSTILE}]
    t["swarm"]["cuts"][0]["reason"] = HOSTILE
    src = tmp_path / "hostile.json"
    src.write_text(json.dumps(t))
    html = tmp_path / "hostile.html"
    for target in ("playwright-python", "selenium-java", "steps", "timeline"):
        run(["report", str(src), "--recording", os.path.join(SAMPLES, "todo-add-items.mp4"), "--target", target, "-o", str(html)])
        page, problems, dialogs = open_page(browser, str(html))
        assert dialogs == []
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate("document.querySelectorAll('img:not([src^=\"data:image/png;base64,\"])').length") == 0
        assert page.evaluate("document.querySelectorAll('b').length") == 0
        assert page.evaluate("document.querySelectorAll('script').length") == 2
        assert page.evaluate("Array.from(document.querySelectorAll('a[href]')).filter(a => !/^#step-\\d+$/.test(a.getAttribute('href')) && a.getAttribute('href') !== '#diagnostics').length") == 0
        body = page.inner_text("main")
        assert "<img src=x onerror=" in body and "{{x}}" in body and "</script>" in body
        page.keyboard.press("j")
        assert "</script>" in page.inner_text("#current")
        assert problems == [], (target, problems)
        page.close()


@needs_binary
def test_batch_report_writes_an_index_linking_every_report(browser, tmp_path):
    out = tmp_path / "out"
    run(["batch", os.path.join(SAMPLES, "todo-quick-add.mp4"), "-o", str(out), "--report"])
    index = out / "index.html"
    assert (out / "todo-quick-add.report.html").exists()
    manifest = json.loads((out / "batch-manifest.json").read_text())
    o = manifest["outcomes"][0]
    assert o["report"].endswith("todo-quick-add.report.html") and o["steps"] >= 1 and 0 < o["meanConfidence"] <= 1
    page, problems, _ = open_page(browser, str(index))
    link = page.locator("a", has_text="report")
    assert link.count() == 1
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("todo-quick-add.report.html")
    assert page.locator("section.step").count() >= 1
    assert problems == []
    page.close()
