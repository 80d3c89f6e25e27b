#!/usr/bin/env python3
"""Record the sample scenarios as real screen recordings with ground truth.

    python3 samples/recorder/record.py --all            # what `make samples` runs
    python3 samples/recorder/record.py --scenario todo-add-items [--scenario ...]
    python3 samples/recorder/record.py --list

For each scenario: the sample server (in-process), Xvfb at the scenario's screen size, a real,
non-headless Chromium window (tab strip and address bar visible), and ffmpeg x11grab. Page
geometry is read over CDP with Playwright (connect_over_cdp), but every input is a real X event sent
with xdotool. Action times are measured against the wall-clock timestamp ffmpeg gives the first
captured frame. Writes samples/recordings/NAME.{mp4|webm} and NAME.truth.json.

The capture is encoded losslessly-ish with x264 ultrafast while recording (cheap on 2 busy cores)
and then transcoded offline to the final codec, which keeps timestamps unchanged.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.dirname(HERE)
sys.path.insert(0, SAMPLES)
sys.path.insert(0, HERE)

import server as samples_server  # noqa: E402
from human import Human, apply_backspaces  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CDP_PORT = 9222
# x11grab stamps a frame ~33 ms before the pixels it holds were grabbed (measured on this machine
# by changing the root window colour at known times: the change shows up 33 ms later than the
# frame interval explains, at both 30 and 60 fps). Action times are shifted by this much.
CAPTURE_LAG = 0.033

DESCRIBE_JS = r"""
(el) => {
  const clean = s => { s = (s || '').replace(/\s+/g, ' ').trim(); return s || null; };
  const tag = el.tagName.toLowerCase();
  const type = (el.getAttribute('type') || '').toLowerCase();
  let label = null;
  const lb = el.getAttribute('aria-labelledby');
  if (lb && tag !== 'button' && !['tab','menu','menuitem'].includes(el.getAttribute('role'))) {
    label = clean(lb.split(/\s+/).map(id => (document.getElementById(id) || {}).textContent || '').join(' '));
  } else if (el.labels && el.labels.length) {
    const l = el.labels[0].cloneNode(true);
    l.querySelectorAll('input, select, textarea').forEach(n => n.remove());
    label = clean(l.textContent);
  }
  const isTexty = tag === 'textarea' || tag === 'select' || (tag === 'input' && !['button','submit','reset','image'].includes(type));
  const text = isTexty ? null : clean(el.innerText);
  const r = el.getBoundingClientRect();
  return {
    tag, type, label, text,
    placeholder: el.getAttribute('placeholder') || null,
    secret: tag === 'input' && type === 'password',
    checked: (tag === 'input' && (type === 'checkbox' || type === 'radio')) ? el.checked
             : (el.hasAttribute('aria-checked') ? el.getAttribute('aria-checked') === 'true' : null),
    value: isTexty && 'value' in el ? el.value : null,
    selection: isTexty && typeof el.selectionStart === 'number' ? [el.selectionStart, el.selectionEnd] : null,
    focused: document.activeElement === el,
    box: { x: r.x, y: r.y, width: r.width, height: r.height },
  };
}
"""

# The nearest text that tells apart elements sharing role and name: a card's heading, a row's
# first cell or label. Walks up until an ancestor holds exactly one such element.
CONTEXT_JS = r"""
(el) => {
  const clean = s => { s = (s || '').replace(/\s+/g, ' ').trim(); return s || null; };
  const same = n => n.tagName === el.tagName && clean(n.innerText) === clean(el.innerText) &&
                    n.getAttribute('aria-label') === el.getAttribute('aria-label');
  for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    const peers = [...a.querySelectorAll(el.tagName)].filter(same);
    if (peers.length !== 1) return null;
    const cand = a.querySelector('h1, h2, h3, h4, h5, h6, [role=heading], th, td, strong, label, .text');
    if (cand && cand !== el && !cand.contains(el)) {
      // a heading's decorations (a count badge marked aria-hidden) are not part of its name
      const c = cand.cloneNode(true);
      c.querySelectorAll('[aria-hidden=true]').forEach(n => n.remove());
      const t = clean(cand.querySelector('[aria-hidden=true]') ? c.textContent : cand.innerText);
      if (t) return t.split(' \n')[0];
    }
  }
  return null;
}
"""


def _realtime_ish():
    """Recording is real time and the machine is shared with compilers: give the X server and the
    grabber a head start (needs root; ignored otherwise)."""
    try:
        os.nice(-10)
    except OSError:
        pass


def _parse_aria(snapshot: str):
    """First line of Playwright's aria snapshot: '- role "name" [...]: value' -> (role, name)."""
    line = snapshot.strip().splitlines()[0] if snapshot.strip() else ""
    m = re.match(r'^- ([a-z]+)(?: "((?:[^"\\]|\\.)*)")?', line)
    if not m:
        return None, None
    name = m.group(2)
    if name is not None:
        name = json.loads('"' + name + '"') if "\\" in name else name
    return m.group(1), name


class ScenarioError(RuntimeError):
    pass


# Playwright key names (what the truth records) -> X keysyms (what xdotool sends).
XKEYS = {"Enter": "Return", "Escape": "Escape", "Tab": "Tab", "Backspace": "BackSpace", "Delete": "Delete",
         "ArrowDown": "Down", "ArrowUp": "Up", "ArrowLeft": "Left", "ArrowRight": "Right", "Space": "space",
         " ": "space", "Home": "Home", "End": "End", "PageDown": "Next", "PageUp": "Prior"}
XMODS = {"Control": "ctrl", "Shift": "shift", "Alt": "alt", "Meta": "super"}


def xdotool_key(key: str) -> str:
    """'Control+a' -> 'ctrl+a', 'ArrowDown' -> 'Down', 'Shift+Tab' -> 'shift+Tab'."""
    *mods, last = key.split("+") if key != "+" else [key]
    return "+".join([XMODS.get(m, m.lower()) for m in mods] + [XKEYS.get(last, last)])


# The state a checkbox, radio or switch is in: `checked` for inputs, `aria-checked` for role=switch
# and role=radio buttons.
CHECKED_JS = "el => (el.tagName === 'INPUT') ? el.checked : el.getAttribute('aria-checked') === 'true'"


class Recorder:
    """One recording session; scenarios call its methods (click, fill, ...) to act and log truth."""

    def __init__(self, sc: Scenario, store, port: int, display: str, outdir: str, keep_raw=False):
        self.sc, self.store, self.port, self.display = sc, store, port, display
        self.scale = float(sc.scale)
        self.outdir, self.keep_raw = outdir, keep_raw
        self.origin = f"http://127.0.0.1:{port}"
        self.start_url = self.origin + sc.path
        self.rng = random.Random(sc.seed)
        self.env = dict(os.environ, DISPLAY=display)
        if sc.cursor:  # libXcursor reads the theme from the environment (xsetroot's root cursor and Chromium's)
            self.env["XCURSOR_THEME"] = sc.cursor
            self.env["XCURSOR_SIZE"] = str(int(round(24 * self.scale)))
        self.procs: dict[str, subprocess.Popen] = {}
        self.tmp = tempfile.mkdtemp(prefix=f"sw-rec-{sc.name}-")
        self.actions: list[dict] = []
        self.t0 = None
        self.human = Human(display, self.rng, self.now)
        self.ffmpeg_log: list[str] = []
        self.pw = self.browser = self.page = None

    # -- clock ---------------------------------------------------------------------------------
    def now(self) -> float:
        if self.t0 is None:
            return 0.0
        return time.time() - self.t0 + CAPTURE_LAG

    # -- environment ---------------------------------------------------------------------------
    def _start_xvfb(self):
        w, h = self.sc.screen
        self.procs["xvfb"] = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", f"{w}x{h}x24", "-nolisten", "tcp", "-dpi", "96", "-noreset"],
            preexec_fn=_realtime_ish, stdout=subprocess.DEVNULL, stderr=open(os.path.join(self.tmp, "xvfb.log"), "w"))
        for _ in range(100):
            if subprocess.run(["xdpyinfo"], env=self.env, capture_output=True).returncode == 0:
                break
            time.sleep(0.05)
        else:
            raise ScenarioError("Xvfb did not start")
        subprocess.run(["xsetroot", "-solid", self.sc.background, "-cursor_name", "left_ptr"], env=self.env)

    def _scale_str(self):
        return f"{self.scale:g}"

    def _window_geometry(self):
        if self.sc.window:
            return self.sc.window
        w, h = self.sc.screen
        return (0, 0, w, h)

    def _start_chromium(self):
        prof = os.path.join(self.tmp, "profile")
        os.makedirs(os.path.join(prof, "Default"))
        with open(os.path.join(prof, "Default", "Preferences"), "w") as f:
            json.dump({"credentials_enable_service": False,
                       "profile": {"password_manager_enabled": False, "password_manager_leak_detection": False},
                       "browser": {"has_seen_welcome_page": True}, "translate": {"enabled": False},
                       "autofill": {"profile_enabled": False, "credit_card_enabled": False}}, f)
        x, y, w, h = self._window_geometry()
        # --window-position/--window-size are in device-independent pixels: divide the screen size
        # by the scale so the window covers the same screen pixels.
        dx, dy, dw, dh = (int(round(v / self.scale)) for v in (x, y, w, h))
        args = [CHROMIUM, "--no-sandbox", "--test-type", "--no-first-run", "--no-default-browser-check",
                "--disable-infobars", "--password-store=basic", f"--remote-debugging-port={CDP_PORT}",
                f"--user-data-dir={prof}", f"--window-position={dx},{dy}", f"--window-size={dw},{dh}",
                f"--force-device-scale-factor={self._scale_str()}",
                "--disable-features=Translate,MediaRouter,AutofillServerCommunication",
                "--disable-session-crashed-bubble", "--hide-crash-restore-bubble",
                f"--app={self.start_url}" if self.sc.app_mode else self.start_url]
        self.procs["chromium"] = subprocess.Popen(args, env=self.env, stdout=subprocess.DEVNULL,
                                                  stderr=open(os.path.join(self.tmp, "chromium.log"), "w"))
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{CDP_PORT}/json/version", timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise ScenarioError("Chromium's DevTools port did not open")
        from playwright.sync_api import sync_playwright
        self.pw = sync_playwright().start()
        self.browser = self.pw.chromium.connect_over_cdp(f"http://127.0.0.1:{CDP_PORT}")
        ctx = self.browser.contexts[0]
        for _ in range(50):
            pages = [p for p in ctx.pages if p.url.startswith(self.origin)]
            if pages:
                break
            time.sleep(0.1)
        else:
            raise ScenarioError("the start page did not open")
        self.page = pages[0]
        self.page.wait_for_load_state("load")
        # Without a window manager Chromium sometimes makes the window 1 px smaller than asked.
        wid = None
        for _ in range(50):
            title = "." if self.sc.app_mode else " - Chromium$"
            out = subprocess.run(["xdotool", "search", "--onlyvisible", "--class", "chromium"] if self.sc.app_mode
                                 else ["xdotool", "search", "--onlyvisible", "--name", title],
                                 env=self.env, capture_output=True, text=True).stdout.split()
            if out:
                wid = out[0]
                break
            time.sleep(0.1)
        for _ in range(3):
            m = self.metrics()
            if (m["screenX"], m["screenY"], m["outerWidth"], m["outerHeight"]) == (dx, dy, dw, dh) or not wid:
                break
            subprocess.run(["xdotool", "windowmove", wid, str(x), str(y), "windowsize", wid, str(w), str(h)],
                           env=self.env)
            time.sleep(0.6)
        m = self.metrics()
        if (m["outerWidth"], m["outerHeight"]) != (dw, dh):
            print(f"  warning: window is {m['outerWidth']}x{m['outerHeight']}, wanted {dw}x{dh}", file=sys.stderr)
        if abs(m["dpr"] - self.scale) > 1e-6:
            raise ScenarioError(f"devicePixelRatio is {m['dpr']}, wanted {self.scale}")

    def metrics(self) -> dict:
        return self.page.evaluate("""() => ({screenX, screenY, outerWidth, outerHeight, innerWidth, innerHeight,
                                             dpr: devicePixelRatio, scrollY})""")

    def viewport(self) -> dict:
        """The page's content area in screen (= video) pixels. Window metrics are CSS pixels; at a
        device scale S every CSS pixel covers S screen pixels."""
        m = self.metrics()
        s = self.scale
        v = {"x": (m["screenX"] + (m["outerWidth"] - m["innerWidth"])) * s,
             "y": (m["screenY"] + (m["outerHeight"] - m["innerHeight"])) * s,
             "width": m["innerWidth"] * s, "height": m["innerHeight"] * s}
        return {k: int(round(val)) for k, val in v.items()}

    def _start_ffmpeg(self):
        w, h = self.sc.screen
        self.raw = os.path.join(self.tmp, "capture.mkv")
        args = ["ffmpeg", "-hide_banner", "-nostats", "-y", "-thread_queue_size", "1024",
                "-f", "x11grab", "-draw_mouse", "1" if self.sc.pointer else "0",
                "-framerate", str(self.sc.fps), "-video_size", f"{w}x{h}", "-i", self.display,
                "-c:v", "libx264", "-preset", "ultrafast", "-crf", "14", "-pix_fmt", "yuv420p",
                "-g", str(self.sc.fps * 2), "-progress", os.path.join(self.tmp, "progress.txt"), self.raw]
        p = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True, bufsize=1, preexec_fn=_realtime_ish)
        self.procs["ffmpeg"] = p
        found = threading.Event()

        def drain():
            for line in p.stderr:
                self.ffmpeg_log.append(line)
                if self.t0 is None:
                    m = re.search(r"start: ([0-9]+\.[0-9]+)", line)
                    if m:
                        self.t0 = float(m.group(1))
                        found.set()
            found.set()

        threading.Thread(target=drain, daemon=True).start()
        if not found.wait(15) or self.t0 is None:
            raise ScenarioError("ffmpeg did not report its first frame:\n" + "".join(self.ffmpeg_log[-20:]))
        lag = time.time() - self.t0
        if not (0 <= lag < 2):
            raise ScenarioError(f"ffmpeg start timestamp is not wall-clock time (lag {lag:.3f} s)")
        time.sleep(0.2)
        if p.poll() is not None:
            raise ScenarioError("ffmpeg exited:\n" + "".join(self.ffmpeg_log[-20:]))

    def _encoded_until(self) -> float:
        """How far (video seconds) the grabber's encoder has got, from its -progress file."""
        try:
            with open(os.path.join(self.tmp, "progress.txt")) as f:
                vals = re.findall(r"out_time_us=(\d+)", f.read())
            return int(vals[-1]) / 1e6 if vals else 0.0
        except OSError:
            return 0.0

    def _drain_capture(self, until: float, timeout=90.0):
        """Under load the encoder lags the grabber, and stopping ffmpeg drops the frames still
        queued: keep capturing until the encoder has passed `until` (video seconds)."""
        deadline = time.time() + timeout
        while self._encoded_until() < until and time.time() < deadline:
            time.sleep(0.25)

    def _stop_ffmpeg(self):
        p = self.procs.pop("ffmpeg", None)
        if p and p.poll() is None:
            try:
                p.stdin.write("q")
                p.stdin.flush()
                p.wait(180)  # a big screen under load can leave many queued frames to encode
            except (OSError, subprocess.TimeoutExpired):
                p.kill()
                p.wait()

    def cleanup(self):
        try:
            if self.pw:
                try:
                    self.browser.close()
                except Exception:
                    pass
                self.pw.stop()
        except Exception:
            pass
        self._stop_ffmpeg()
        for name in ("chromium", "xvfb"):
            p = self.procs.pop(name, None)
            if p and p.poll() is None:
                p.terminate()
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
        if not self.keep_raw:
            shutil.rmtree(self.tmp, ignore_errors=True)

    # -- elements ------------------------------------------------------------------------------
    def loc(self, spec):
        """A Playwright locator from a locator or a (method, *args, **kwargs) tuple."""
        if not isinstance(spec, (tuple, list)):
            return spec
        method, *args = spec
        kwargs = args.pop() if args and isinstance(args[-1], dict) else {}
        return getattr(self.page, method)(*args, **kwargs)

    def describe(self, locator, context=None) -> tuple[dict, dict]:
        locator = self.loc(locator)
        locator.wait_for(state="visible", timeout=5000)
        if locator.count() != 1:
            raise ScenarioError(f"locator matches {locator.count()} elements: {locator}")
        info = locator.evaluate(DESCRIBE_JS)
        role, name = _parse_aria(locator.aria_snapshot())
        if context is None and role:
            peers = self.page.get_by_role(role, name=name, exact=True).count() if name else 2
            if peers > 1:
                context = locator.evaluate(CONTEXT_JS)
        target = {"role": role, "name": name, "label": info["label"], "placeholder": info["placeholder"],
                  "text": info["text"], "context": context}
        return target, info

    def _point_in(self, box: dict, kind: str) -> tuple[float, float, float, float]:
        """A natural place to click inside a box: returns screen (x, y) and page (px, py)."""
        rng = self.rng
        vp = self.vp
        if kind == "text":  # text fields: people click anywhere left of centre
            fx, fy = rng.uniform(0.12, 0.55), rng.gauss(0.5, 0.08)
        elif kind == "tick":
            fx, fy = rng.gauss(0.5, 0.08), rng.gauss(0.5, 0.08)
        else:
            fx, fy = rng.gauss(0.5, 0.1), rng.gauss(0.5, 0.1)
        fx, fy = min(max(fx, 0.2), 0.8), min(max(fy, 0.25), 0.75)
        px, py = box["x"] + box["width"] * fx, box["y"] + box["height"] * fy
        s = self.scale
        if not (0 <= px * s < vp["width"] and 0 <= py * s < vp["height"]):
            raise ScenarioError(f"target at page ({px:.0f},{py:.0f}) is outside the viewport; scroll first")
        return vp["x"] + px * s, vp["y"] + py * s, px, py

    def _act(self, kind, start, end, target=None, value=None, secret=False, **extra):
        blank = {"role": None, "name": None, "label": None, "placeholder": None, "text": None, "context": None}
        a = {"kind": kind, "start": round(start, 3), "end": round(end, 3), "target": target or blank,
             "value": value, "secret": secret}
        a.update(extra)
        self.actions.append(a)
        return a

    @staticmethod
    def _geom(info, px, py):
        b = info["box"]
        return {"box": {k: round(v, 1) for k, v in b.items()}, "point": {"x": round(px, 1), "y": round(py, 1)}}

    # -- what scenarios call -------------------------------------------------------------------
    def wait(self, lo=0.4, hi=None):
        self.human.sleep(lo, hi if hi is not None else lo * 2)

    def think(self):
        """A short human pause between actions."""
        self.human.sleep(0.35, 1.1)

    def hover(self, locator, opens=None, context=None, speed=1.0, rest=(0.5, 0.9)):
        """Move the pointer onto an element and rest there until what it opens (`opens`, a locator)
        is visible, and a little longer. Logs `hover`: start = the pointer comes to rest on the
        element, end = the end of the rest (the pointer moves on after it)."""
        target, info = self.describe(locator, context)
        x, y, px, py = self._point_in(info["box"], "button")
        self.human.move_to(x, y, speed)
        start = self.now()
        if opens is not None:
            try:
                self.loc(opens).first.wait_for(state="visible", timeout=3000)
            except Exception as e:  # noqa: BLE001
                raise ScenarioError(f"hovering did not open {opens}: {e}")
        self.human.sleep(*rest)
        end = self.now()
        return self._act("hover", start, end, target, **self._geom(info, px, py))

    def dblclick(self, locator, context=None):
        """Double-click an element (two presses ~100 ms apart). Logs `dblclick` from the first
        button down to the second button up; value null."""
        target, info = self.describe(locator, context)
        x, y, px, py = self._point_in(info["box"], "text")
        self.human.move_to(x, y)
        self.human.sleep(0.08, 0.25)
        down, up = self.human.dblclick()
        return self._act("dblclick", down, up, target, **self._geom(info, px, py))

    def wander(self, dx_range=(-160, 160), dy_range=(-90, 90)):
        """Idle pointer drift while reading the page (no action)."""
        x, y = self.human.position()
        vp = self.vp
        nx = min(max(x + self.rng.uniform(*dx_range), vp["x"] + 20), vp["x"] + vp["width"] - 30)
        ny = min(max(y + self.rng.uniform(*dy_range), vp["y"] + 20), vp["y"] + vp["height"] - 30)
        self.human.move_to(nx, ny, speed=0.7)

    def click(self, locator, context=None, kind=None, nav=False):
        target, info = self.describe(locator, context)
        x, y, px, py = self._point_in(info["box"], "text" if info["value"] is not None else "button")
        self.human.move_to(x, y)
        self.human.sleep(0.05, 0.2)
        down, up = self.human.click()
        a = self._act(kind or "click", down, up, target, **self._geom(info, px, py))
        if nav:
            self._after_nav(nav)
        return a

    def check(self, locator, context=None, on_label=False):
        """Click a checkbox or radio (or its label); logs check with the resulting state."""
        target, info = self.describe(locator, context)
        loc = self.loc(locator)
        box = info["box"]
        if on_label:
            lab = loc.evaluate("""el => {
                const l = el.labels && el.labels[0];
                if (!l) return null;
                const w = document.createTreeWalker(l, NodeFilter.SHOW_TEXT);
                for (let n = w.nextNode(); n; n = w.nextNode()) {
                  if (!n.textContent.trim()) continue;
                  const r = document.createRange(); r.selectNodeContents(n);
                  const b = r.getBoundingClientRect();
                  if (b.width > 20) return {x: b.x, y: b.y, width: Math.min(b.width, 160), height: b.height};
                }
                return null;
            }""")
            if lab:
                box = lab
        x, y, px, py = self._point_in(box, "tick")
        self.human.move_to(x, y)
        self.human.sleep(0.05, 0.2)
        down, up = self.human.click()
        time.sleep(0.05)
        checked = loc.evaluate(CHECKED_JS)
        if info["checked"] == checked and (info["type"] == "checkbox" or target["role"] in ("switch", "checkbox")):
            raise ScenarioError(f"the {target['role']} did not toggle")
        return self._act("check", down, up, target, checked, **self._geom(info, px, py))

    def fill(self, locator, text, context=None, speed=1.0, select_all=False, expect=None):
        """Focus a field with a click (unless it has focus) and type; "\\b" in text is a backspace.
        `select_all`: press Control+A after focusing (to retype a prefilled field). Logs one fill with
        the field's final value (docs/timeline.md: select-all-and-retype is one fill, not a press).
        `expect`: the value the field must hold when what is typed is not the value itself (a date
        field typed as 03152027 holds 2027-03-15)."""
        target, info = self.describe(locator, context)
        loc = self.loc(locator)
        start = None
        initial = info["value"] or ""
        geom = self._geom(info, info["box"]["x"] + info["box"]["width"] / 2, info["box"]["y"] + info["box"]["height"] / 2)
        if not info["focused"]:
            if initial and not select_all:
                raise ScenarioError(f"field holds {initial!r}: a click puts the caret anywhere; use select_all")
            x, y, px, py = self._point_in(info["box"], "text")
            self.human.move_to(x, y)
            self.human.sleep(0.05, 0.2)
            start, _ = self.human.click()
            geom = self._geom(info, px, py)
            self.human.sleep(0.25, 0.6)
        else:
            sel = info.get("selection")
            if sel and initial and sel == [0, len(initial)]:
                initial = ""  # focused with all its text selected (Tab into it, an editor that selects)
            elif sel and initial and sel != [len(initial), len(initial)] and not select_all:
                raise ScenarioError(f"focused field {initial!r} has the caret/selection at {sel}")
            self.human.sleep(0.2, 0.5)
        if select_all:
            t = self.human.key("ctrl+a")
            start = t if start is None else start
            initial = ""
            self.human.sleep(0.15, 0.35)
        first, last = self.human.type_text(text, wpm=self.sc.wpm * speed)
        end = last + 0.05
        time.sleep(0.05)
        value = loc.evaluate("el => el.value")
        expected = apply_backspaces(text, initial) if expect is None else expect
        if value != expected:
            raise ScenarioError(f"field holds {value!r}, expected {expected!r}")
        return self._act("fill", start if start is not None else first, end, target, value,
                         bool(info["secret"]), **geom)

    def press(self, key="Enter", nav=False, context=None):
        """Press a key (Playwright's name: "Enter", "Escape", "Tab", "ArrowDown", "Control+a").
        Logs `press`: value = the key name, target = the element that had focus."""
        target = None
        if self.page.evaluate("document.activeElement && document.activeElement !== document.body"):
            target, _ = self.describe(self.page.locator(":focus"), context)
        t = self.human.key(xdotool_key(key))
        a = self._act("press", t, t + 0.06, target, key)
        if nav:
            self._after_nav(nav)
        return a

    def select(self, locator, option_text, context=None, by_keyboard=False):
        """Open a <select>'s popup with a click and click the option (Chromium draws the popup as
        its own X window; its rows are evenly spaced)."""
        target, info = self.describe(locator, context)
        loc = self.loc(locator)
        options = loc.evaluate("el => [...el.options].map(o => o.text)")
        if option_text not in options:
            raise ScenarioError(f"no option {option_text!r} in {options}")
        before = set(self._popup_windows())
        x, y, px, py = self._point_in(info["box"], "button")
        self.human.move_to(x, y)
        self.human.sleep(0.05, 0.2)
        down, _ = self.human.click()
        popup = None
        for _ in range(40):
            time.sleep(0.05)
            new = [w for w in self._popup_windows() if w[0] not in {b[0] for b in before}]
            if new:
                popup = new[0]
                break
        if popup is None:
            raise ScenarioError("the select popup did not open")
        self.human.sleep(0.4, 0.9)  # read the list
        _, wx, wy, ww, wh = popup
        idx = options.index(option_text)
        if by_keyboard:
            cur = loc.evaluate("el => el.selectedIndex")
            steps = idx - cur
            for _ in range(abs(steps)):
                self.human.key("Down" if steps > 0 else "Up")
                self.human.sleep(0.12, 0.25)
            self.human.sleep(0.2, 0.4)
            up = self.human.key("Return")
        else:
            row = (wh - 2) / len(options)
            ty = wy + 1 + row * (idx + 0.5) + self.rng.uniform(-row * 0.2, row * 0.2)
            tx = wx + ww * self.rng.uniform(0.18, 0.5)
            self.human.move_to(tx, ty, speed=1.1)
            self.human.sleep(0.08, 0.2)
            _, up = self.human.click()
        time.sleep(0.15)
        chosen = loc.evaluate("el => el.options[el.selectedIndex].text")
        if chosen != option_text:
            raise ScenarioError(f"selected {chosen!r}, wanted {option_text!r}")
        return self._act("select", down, up, target, option_text, **self._geom(info, px, py))

    def _popup_windows(self):
        out = subprocess.run(["xwininfo", "-root", "-children"], env=self.env, capture_output=True, text=True).stdout
        wins = []
        for line in out.splitlines():
            m = re.match(r"\s+(0x[0-9a-f]+) \(has no name\): \(\)\s+(\d+)x(\d+)\+(-?\d+)\+(-?\d+)", line)
            if m and int(m.group(2)) > 40 and int(m.group(3)) > 40:
                wins.append((m.group(1), int(m.group(4)), int(m.group(5)), int(m.group(2)), int(m.group(3))))
        return wins

    def scroll(self, ticks, over=None):
        """Scroll the page with the mouse wheel (positive = down). Logs the pixels actually scrolled."""
        vp = self.vp
        x, y = self.human.position()
        if over is not None:
            _, info = self.describe(over)
            x, y, _, _ = self._point_in(info["box"], "button")
            self.human.move_to(x, y, speed=0.8)
        elif not (vp["x"] + 10 < x < vp["x"] + vp["width"] - 30 and vp["y"] + 10 < y < vp["y"] + vp["height"] - 10):
            self.human.move_to(vp["x"] + vp["width"] * self.rng.uniform(0.35, 0.65),
                               vp["y"] + vp["height"] * self.rng.uniform(0.4, 0.7), speed=0.8)
        self.human.sleep(0.1, 0.3)
        y0 = self.page.evaluate("scrollY")
        first, last = self.human.wheel(ticks)
        # wait for smooth scrolling to settle
        prev, stable_since, settled = None, None, last
        deadline = time.time() + 3
        while time.time() < deadline:
            cur = self.page.evaluate("scrollY")
            if cur != prev:
                prev, stable_since, settled = cur, time.time(), self.now()
            elif time.time() - stable_since > 0.25:
                break
            time.sleep(0.03)
        dy = int(round(prev - y0))
        if dy == 0:
            raise ScenarioError("the page did not scroll")
        return self._act("scroll", first, max(settled, last), None, dy)

    def _after_nav(self, url_glob):
        if isinstance(url_glob, str):
            self.page.wait_for_url(url_glob, timeout=10000)
        self.page.wait_for_load_state("load")
        time.sleep(0.2)
        vp = self.viewport()
        if vp != self.vp:
            raise ScenarioError(f"viewport moved from {self.vp} to {vp}")

    # -- the run -------------------------------------------------------------------------------
    def run(self) -> dict:
        sc = self.sc
        self.store.reset()
        self._start_xvfb()
        self._start_chromium()
        self.vp = self.viewport()
        time.sleep(1.5)  # let the toolbar finish its first-run animations
        # park the pointer somewhere on the page, as if the user just switched to the window
        vp = self.vp
        subprocess.run(["xdotool", "mousemove", str(int(vp["x"] + vp["width"] * self.rng.uniform(0.55, 0.85))),
                        str(int(vp["y"] + vp["height"] * self.rng.uniform(0.45, 0.8)))], env=self.env)
        self.store.reset()
        self.page.reload(wait_until="load")  # report fresh state after the reset
        time.sleep(0.8)
        if sc.preroll is not None:
            before = json.dumps(self.store.get(sc.app), sort_keys=True)
            sc.preroll(self)
            time.sleep(0.5)
            if json.dumps(self.store.get(sc.app), sort_keys=True) != before:
                raise ScenarioError("the pre-roll changed the app's state (the truth could not replay it)")
            self.actions.clear()
        self._start_ffmpeg()
        self._act("goto", 0.0, 0.0, None, self.start_url)
        self.wait(0.8, 1.4)
        sc.fn(self)
        self.wait(1.2, 1.8)
        end_time = self.now()
        time.sleep(0.3)
        final_state = self.store.get(sc.app)
        self._drain_capture(end_time + 0.5)
        self._stop_ffmpeg()
        return self._finish(final_state, end_time)

    def _finish(self, final_state, end_time) -> dict:
        sc = self.sc
        ext = "webm" if sc.codec == "vp9" else "mp4"
        os.makedirs(self.outdir, exist_ok=True)
        video = os.path.join(self.outdir, f"{sc.name}.{ext}")
        if sc.codec == "vp9":
            codec = ["-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "40", "-deadline", "realtime", "-cpu-used", "8",
                     "-row-mt", "1", "-pix_fmt", "yuv420p"]
        else:
            codec = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "28", "-pix_fmt", "yuv420p",
                     "-movflags", "+faststart"]
        r = subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", self.raw,
                            "-r", str(sc.fps), *codec, "-an", video], capture_output=True, text=True)
        if r.returncode != 0:
            raise ScenarioError("transcode failed: " + r.stderr[-2000:])
        quality = self._capture_quality()
        probe = json.loads(subprocess.run(
            ["ffprobe", "-v", "error", "-select_streams", "v:0", "-count_packets", "-show_entries",
             "stream=codec_name,width,height,avg_frame_rate,nb_read_packets,start_time:format=duration",
             "-of", "json", video], capture_output=True, text=True).stdout)
        st = probe["streams"][0]
        duration = float(probe["format"]["duration"])
        last = max(a["end"] for a in self.actions)
        if not 8 <= duration <= 40:
            print(f"  warning: {sc.name} lasts {duration:.1f} s (aim for 8-40 s)", file=sys.stderr)
        if last > duration:
            raise ScenarioError(f"last action ends at {last:.2f} s but the video is {duration:.2f} s")
        w, h = sc.screen
        x, y, ww, wh = self._window_geometry()
        truth = {
            "scenario": sc.name,
            "app": sc.app,
            "video": os.path.basename(video),
            "origin": self.origin,
            "startURL": self.start_url,
            "screen": {"width": w, "height": h},
            "viewport": self.vp,
            "window": {"x": x, "y": y, "width": ww, "height": wh},
            "pointerVisible": sc.pointer,
            "addressBar": not sc.app_mode,
            "deviceScaleFactor": self.scale if self.scale != 1 else 1,
            "cursorTheme": sc.cursor,
            "startsMidSession": sc.preroll is not None,
            "frameRate": sc.fps,
            "codec": st["codec_name"],
            "duration": round(duration, 3),
            "description": sc.description,
            "exercises": sc.exercises,
            "actions": self.actions,
            "finalState": final_state,
            "capture": quality,
        }
        with open(os.path.join(self.outdir, f"{sc.name}.truth.json"), "w") as f:
            json.dump(truth, f, indent=2, ensure_ascii=False)
            f.write("\n")
        return {"video": video, "size": os.path.getsize(video), "duration": duration, "frames": int(st["nb_read_packets"]),
                "codec": st["codec_name"], "actions": len(self.actions), **quality}

    def _capture_quality(self) -> dict:
        """How smooth the raw capture was: gaps between grabbed frames longer than 1.5 intervals."""
        out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time",
                              "-of", "csv=p=0", self.raw], capture_output=True, text=True).stdout.split()
        ts = sorted(float(t) for t in out if t not in ("", "N/A"))
        step = 1.0 / self.sc.fps
        gaps = [b - a for a, b in zip(ts, ts[1:])]
        missed = sum(max(0, round(g / step) - 1) for g in gaps if g > 1.5 * step)
        return {"grabbedFrames": len(ts), "missedFrames": int(missed),
                "longestGapMs": round(max(gaps) * 1000, 1) if gaps else None}


def load_scenarios(extra=()):
    """The scenarios of scenarios.py, plus those a file given with --extra-scenarios registers
    (samples/heldout/scenarios_heldout.py: `from scenarios import *` and more @scenario functions)."""
    import importlib.util
    import scenarios
    for i, path in enumerate(extra):
        spec = importlib.util.spec_from_file_location(f"extra_scenarios_{i}", path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
    return scenarios.SCENARIOS


def main(argv=None) -> int:
    global CDP_PORT
    ap = argparse.ArgumentParser(description="Record the sample scenarios (real Chromium + Xvfb + xdotool + ffmpeg).")
    ap.add_argument("--all", action="store_true", help="record every scenario")
    ap.add_argument("--scenario", action="append", default=[], help="record this scenario (repeatable)")
    ap.add_argument("--list", action="store_true", help="list the scenarios")
    ap.add_argument("--out", default=os.path.join(SAMPLES, "recordings"))
    ap.add_argument("--port", type=int, default=samples_server.DEFAULT_PORT)
    ap.add_argument("--display", default=":99")
    ap.add_argument("--cdp-port", type=int, default=CDP_PORT, help="Chromium's DevTools port")
    ap.add_argument("--extra-scenarios", action="append", default=[], metavar="FILE",
                    help="also load the scenarios FILE registers (e.g. samples/heldout/scenarios_heldout.py)")
    ap.add_argument("--retries", type=int, default=2, help="re-record when the capture missed frames or a step failed")
    ap.add_argument("--max-missed", type=float, default=0.02, help="fraction of missed frames that triggers a retry")
    ap.add_argument("--keep-raw", action="store_true", help="keep the temporary capture and logs")
    args = ap.parse_args(argv)
    CDP_PORT = args.cdp_port
    scs = load_scenarios(args.extra_scenarios)
    if args.list:
        for s in scs.values():
            print(f"{s.name:28} {s.screen[0]}x{s.screen[1]} {s.fps}fps {s.codec:4} {s.description}")
        return 0
    names = list(scs) if args.all else args.scenario
    if not names:
        ap.error("give --all or --scenario NAME")
    unknown = [n for n in names if n not in scs]
    if unknown:
        ap.error("unknown scenario(s): " + ", ".join(unknown))
    for tool in ("Xvfb", "xdotool", "ffmpeg", "ffprobe", "xsetroot", "xwininfo", "xdpyinfo", CHROMIUM):
        if not shutil.which(tool):
            print(f"missing {tool}: apt-get install chromium xvfb xdotool ffmpeg x11-utils x11-xserver-utils",
                  file=sys.stderr)
            return 2
    srv, _ = samples_server.serve(args.port)
    failed, choppy = [], []
    try:
        for name in names:
            sc = scs[name]
            done = None
            for attempt in range(args.retries + 1):
                print(f"[{name}] recording (attempt {attempt + 1}) ...", flush=True)
                rec = Recorder(sc, srv.store, args.port, args.display, args.out, args.keep_raw)
                try:
                    res = rec.run()
                except Exception as e:  # noqa: BLE001 - report and retry
                    print(f"[{name}] failed: {e}", file=sys.stderr, flush=True)
                    res = None
                finally:
                    rec.cleanup()
                if res is None:
                    continue
                frac = res["missedFrames"] / max(1, res["grabbedFrames"] + res["missedFrames"])
                print(f"[{name}] {res['video']}: {res['size'] / 1024:.0f} KB, {res['duration']:.1f} s, "
                      f"{res['codec']}, {res['actions']} actions, missed {res['missedFrames']} frames "
                      f"(longest gap {res['longestGapMs']} ms)", flush=True)
                done = res
                if frac <= args.max_missed:
                    break
                print(f"[{name}] choppy capture ({frac:.1%} frames missed)"
                      + (", re-recording" if attempt < args.retries else ", keeping it"), flush=True)
            if done is None:
                failed.append(name)
            elif done["missedFrames"] / max(1, done["grabbedFrames"]) > args.max_missed:
                choppy.append(name)
    finally:
        srv.shutdown()
    if choppy:
        print("choppy captures kept: " + ", ".join(choppy), file=sys.stderr)
    if failed:
        print("FAILED: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
