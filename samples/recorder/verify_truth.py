#!/usr/bin/env python3
"""Check that every truth file is self-consistent: replay its actions with headless Playwright
(locating targets only by the truth's role / name / context, as a generated script would) against
a fresh sample server, and compare the app's final state with the truth's finalState.

    python3 samples/recorder/verify_truth.py [--samples DIR] [SCENARIO ...]

Also checks the basic shape of each truth (times inside the video, kinds and values). Exits 1 if
any scenario fails.
"""
import glob
import json
import os
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.dirname(HERE)
sys.path.insert(0, SAMPLES)
import server as samples_server  # noqa: E402

from playwright.sync_api import sync_playwright  # noqa: E402

KINDS = {"goto", "click", "fill", "press", "select", "check", "scroll", "dblclick", "hover"}
TARGET_KEYS = {"role", "name", "label", "placeholder", "text", "context"}

IN_CONTEXT_JS = """(el, ctx) => {
  for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    if ((a.innerText || '').includes(ctx)) return true;
    if (a.matches('article, li, tr, [role=dialog], form, section')) return false;
  }
  return false;
}"""


def first_difference(expected, actual, path="$"):
    if isinstance(expected, dict) and isinstance(actual, dict):
        for k in set(expected) | set(actual):
            if k not in actual or k not in expected:
                return f"{path}.{k}: only on one side"
            d = first_difference(expected[k], actual[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return f"{path}: {len(expected)} vs {len(actual)} items"
        for i, (e, a) in enumerate(zip(expected, actual)):
            d = first_difference(e, a, f"{path}[{i}]")
            if d:
                return d
        return None
    return None if expected == actual else f"{path}: expected {expected!r}, got {actual!r}"


def check_shape(t, video_path):
    problems = []
    for k in ("scenario", "app", "video", "origin", "startURL", "screen", "viewport", "pointerVisible",
              "actions", "finalState"):
        if k not in t:
            problems.append(f"missing {k}")
    if not os.path.isfile(video_path):
        problems.append("video missing")
        return problems
    dur = float(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                                video_path], capture_output=True, text=True).stdout.strip())
    # aim for 8-40 s (record.py warns); a multi-step flow recorded on a loaded machine may run to 50 s
    if not 8 <= dur <= 50.5:
        problems.append(f"duration {dur:.1f} s outside 8-50 s")
    prev = -1
    for i, a in enumerate(t["actions"]):
        if a["kind"] not in KINDS:
            problems.append(f"action {i}: kind {a['kind']}")
        if set(a["target"]) != TARGET_KEYS:
            problems.append(f"action {i}: target keys {sorted(a['target'])}")
        if not (0 <= a["start"] <= a["end"] <= dur):
            problems.append(f"action {i}: times {a['start']}..{a['end']} outside 0..{dur:.2f}")
        if a["start"] < prev:
            problems.append(f"action {i}: starts before the previous action")
        prev = a["start"]
        if a["kind"] == "check" and not isinstance(a["value"], bool):
            problems.append(f"action {i}: check value {a['value']!r}")
        if a["kind"] in ("dblclick", "hover") and a["value"] is not None:
            problems.append(f"action {i}: {a['kind']} value {a['value']!r}")
        if a["kind"] == "press" and not (isinstance(a["value"], str) and a["value"]):
            problems.append(f"action {i}: press value {a['value']!r}")
        if a["kind"] == "scroll" and not isinstance(a["value"], int):
            problems.append(f"action {i}: scroll value {a['value']!r}")
    if t["actions"][0]["kind"] != "goto" or t["actions"][0]["value"] != t["startURL"]:
        problems.append("first action is not goto startURL")
    return problems


def locate(page, target):
    loc = page.get_by_role(target["role"], name=target["name"], exact=True)
    try:  # what a hover opens shows after a short hover-intent delay; generated scripts wait too
        loc.first.wait_for(state="visible", timeout=3000)
    except Exception:  # noqa: BLE001 - reported below as "matches 0"
        pass
    if target.get("context"):
        hits = [loc.nth(i) for i in range(loc.count()) if loc.nth(i).evaluate(IN_CONTEXT_JS, target["context"])]
        if len(hits) != 1:
            raise AssertionError(f"context {target['context']!r} picks {len(hits)} of {loc.count()}")
        return hits[0]
    if loc.count() != 1:
        raise AssertionError(f"{target['role']} {target['name']!r} matches {loc.count()} elements")
    return loc


def replay(page, t):
    for a in t["actions"]:
        k, tg, v = a["kind"], a["target"], a["value"]
        if k == "goto":
            page.goto(v)
        elif k == "scroll":
            page.mouse.wheel(0, v)
        elif k == "press":
            page.keyboard.press(v)
        elif k == "fill":
            locate(page, tg).fill(v)
        elif k == "select":
            locate(page, tg).select_option(label=v)
        elif k == "check":
            locate(page, tg).set_checked(v)
        elif k == "click":
            locate(page, tg).click()
        elif k == "dblclick":
            locate(page, tg).dblclick()
        elif k == "hover":
            locate(page, tg).hover()
        page.wait_for_load_state("load")
        time.sleep(0.05)


def main(argv):
    samples = SAMPLES
    if argv[:1] == ["--samples"] and len(argv) > 1:  # e.g. --samples samples/heldout
        samples, argv = os.path.abspath(argv[1]), argv[2:]
    paths = sorted(glob.glob(os.path.join(samples, "recordings", "*.truth.json")))
    if argv:
        paths = [p for p in paths if os.path.basename(p)[:-11] in argv]
    srv, _ = samples_server.serve(0)
    port = srv.server_address[1]
    failed = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for path in paths:
            t = json.load(open(path))
            name = t["scenario"]
            problems = check_shape(t, os.path.join(os.path.dirname(path), t["video"]))
            t = json.loads(json.dumps(t).replace(t["origin"], f"http://127.0.0.1:{port}"))
            srv.store.reset()
            ctx = browser.new_context(viewport={"width": t["viewport"]["width"], "height": t["viewport"]["height"]})
            page = ctx.new_page()
            try:
                replay(page, t)
                time.sleep(0.4)
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/__state?app={t['app']}") as r:
                    state = json.load(r)
                d = first_difference(t["finalState"], state)
                if d:
                    problems.append("final state differs: " + d)
            except Exception as e:  # noqa: BLE001
                problems.append(f"replay failed: {str(e).splitlines()[0]}")
            ctx.close()
            print(("ok  " if not problems else "FAIL") + f" {name}" + "".join("\n      " + q for q in problems))
            failed += bool(problems)
        browser.close()
    srv.shutdown()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
