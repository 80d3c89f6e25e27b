"""Recording in Debian's Firefox ESR: another browser's chrome, address bar and form controls.

Firefox ESR has no DevTools protocol that Playwright can attach to (CDP is gone; Playwright's own
Firefox is a patched build that is not in Debian), and turning on its remote agent (Marionette or
WebDriver BiDi) stripes the address bar as "under remote control", which no user's recording
shows. So the recorder mirrors instead:

* the captured display shows a real Firefox ESR window (fresh profile, tab strip and address bar),
  navigated by typing the URL into its address bar, with nothing attached to it;
* a second, never-captured X display runs the Chromium the recorder already knows how to read
  (Playwright over CDP), its page area moved and sized to the exact screen rectangle of Firefox's
  page area, on a second sample server of its own;
* every input is sent as the same real X event to both displays at once (`MirrorHuman`), so both
  browsers go through the same steps, Chromium telling the recorder where things are and what
  they are called;
* at the end the state Firefox's page reported must equal the state Chromium's page reported, or
  the recording is thrown away (the two browsers drifted apart).

Firefox's page rectangle is measured, not assumed: it first opens a page of one flat colour and
the captured screen is searched for that colour.
"""
from __future__ import annotations

import os
import signal
import subprocess
import time

from human import Human

FIREFOX = "/usr/bin/firefox-esr"
CALIBRATION_RGB = (255, 0, 255)

# A fresh profile that behaves like a long-used one: no first-run pages, no prompts, no password
# manager doorhanger, no address-bar suggestion list.
PREFS = {
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "browser.aboutwelcome.enabled": False,
    "trailhead.firstrun.didSeeAboutWelcome": True,
    "startup.homepage_welcome_url": "",
    "startup.homepage_welcome_url.additional": "",
    "datareporting.policy.dataSubmissionEnabled": False,
    "datareporting.policy.firstRunURL": "",
    "datareporting.healthreport.uploadEnabled": False,
    "toolkit.telemetry.reportingpolicy.firstRun": False,
    "toolkit.telemetry.enabled": False,
    "signon.rememberSignons": False,
    "browser.formfill.enable": False,
    "app.update.auto": False,
    "browser.translations.enable": False,
    "browser.translations.automaticallyPopup": False,
    "browser.toolbars.bookmarks.visibility": "never",
    "browser.urlbar.suggest.searches": False,
    "browser.urlbar.suggest.history": False,
    "browser.urlbar.suggest.topsites": False,
    "browser.urlbar.suggest.quicksuggest.sponsored": False,
    "browser.urlbar.suggest.quicksuggest.nonsponsored": False,
    "browser.uitour.enabled": False,
    "browser.discovery.enabled": False,
    "browser.startup.upgradeDialog.enabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.downloads.enabled": False,
    "browser.sessionstore.resume_from_crash": False,
    "browser.tabs.warnOnClose": False,
    "extensions.pocket.enabled": False,
    "browser.newtabpage.enabled": False,
    "browser.vpn_promo.enabled": False,
    "browser.preferences.moreFromMozilla": False,
    "browser.ml.chat.enabled": False,
    "privacy.trackingprotection.introCount": 20,
    "browser.contentblocking.introCount": 20,
}


class FirefoxError(RuntimeError):
    pass


def _pref(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


class MirrorHuman(Human):
    """A Human whose every xdotool command goes to the captured display and the mirror display
    at the same moment; what it reads back (the pointer's position) comes from the captured one."""

    def __init__(self, display: str, mirror_display: str, rng, clock):
        super().__init__(display, rng, clock)
        self.mirror_env = dict(self.env, DISPLAY=mirror_display)

    def xdo(self, *args) -> str:
        cmd = ["xdotool", *[str(a) for a in args]]
        procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for env in (self.env, self.mirror_env)]
        outs = [p.communicate() for p in procs]
        for p, (_, err) in zip(procs, outs):
            if p.returncode != 0:
                raise RuntimeError(f"xdotool {' '.join(map(str, args))}: {err.strip()}")
        return outs[0][0]


class FirefoxWindow:
    """One Firefox ESR process on the captured display, in a profile of its own under `tmp`."""

    def __init__(self, env: dict, tmp: str, screen: tuple[int, int], window: tuple[int, int, int, int]):
        self.env, self.tmp, self.screen, self.window = env, tmp, screen, window
        self.proc: subprocess.Popen | None = None
        self.wid: str | None = None

    def start(self) -> dict:
        """Start Firefox on a flat calibration page and return its page area in screen pixels
        ({x, y, width, height})."""
        prof = os.path.join(self.tmp, "firefox-profile")
        os.makedirs(prof, exist_ok=True)
        with open(os.path.join(prof, "user.js"), "w") as f:
            for k, v in PREFS.items():
                f.write(f'user_pref("{k}", {_pref(v)});\n')
        calib = os.path.join(self.tmp, "calibrate.html")
        r, g, b = CALIBRATION_RGB
        with open(calib, "w") as f:
            f.write(f'<!doctype html><html><body style="margin:0;background:rgb({r},{g},{b})"></body></html>')
        self.proc = subprocess.Popen([FIREFOX, "--no-remote", "--new-instance", "--profile", prof, "file://" + calib],
                                     env=self.env, stdout=subprocess.DEVNULL,
                                     stderr=open(os.path.join(self.tmp, "firefox.log"), "w"),
                                     start_new_session=True)
        deadline = time.time() + 60
        while time.time() < deadline and not self.wid:
            out = subprocess.run(["xdotool", "search", "--onlyvisible", "--class", "firefox"], env=self.env,
                                 capture_output=True, text=True).stdout.split()
            self.wid = out[0] if out else None
            if self.proc.poll() is not None:
                raise FirefoxError(f"firefox-esr exited with {self.proc.returncode} (see firefox.log)")
            time.sleep(0.2)
        if not self.wid:
            raise FirefoxError("Firefox's window did not appear within 60 s")
        x, y, w, h = self.window
        subprocess.run(["xdotool", "windowmove", self.wid, str(x), str(y), "windowsize", self.wid, str(w), str(h)],
                       env=self.env, check=True)
        rect, last = None, None
        while time.time() < deadline:
            time.sleep(0.5)
            rect = self._calibration_rect()
            if rect and rect == last and rect["width"] > w * 0.8:
                return rect  # the same twice in a row: the window has settled
            last = rect
        raise FirefoxError(f"Firefox's calibration page was not found on screen (last seen {rect})")

    def _calibration_rect(self) -> dict | None:
        import numpy as np
        w, h = self.screen
        raw = subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "x11grab", "-video_size", f"{w}x{h}",
                              "-i", self.env["DISPLAY"], "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
                             env=self.env, capture_output=True).stdout
        if len(raw) != w * h * 3:
            return None
        img = np.frombuffer(raw, dtype=np.uint8).reshape(h, w, 3)
        mask = np.all(img == np.array(CALIBRATION_RGB, dtype=np.uint8), axis=2)
        rows, cols = np.where(mask.any(axis=1))[0], np.where(mask.any(axis=0))[0]
        if len(rows) < 100 or len(cols) < 100:
            return None
        return {"x": int(cols[0]), "y": int(rows[0]), "width": int(cols[-1] - cols[0] + 1),
                "height": int(rows[-1] - rows[0] + 1)}

    def navigate(self, url: str, pointer: tuple[int, int]) -> None:
        """Go to `url` the way a person does: focus the address bar, type, Enter. The pointer is
        parked over the page first (no window manager: keys go to the window under the pointer)."""
        self._xdo("mousemove", *pointer)
        self._xdo("key", "--delay", "0", "ctrl+l")
        time.sleep(0.3)
        self._xdo("type", "--delay", "15", "--", url)
        time.sleep(0.2)
        self._xdo("key", "--delay", "0", "Return")

    def reload(self) -> None:
        self._xdo("key", "--delay", "0", "F5")

    def _xdo(self, *args) -> None:
        subprocess.run(["xdotool", *[str(a) for a in args]], env=self.env, check=True, capture_output=True)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(10)
            except (OSError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except OSError:
                    pass
                self.proc.wait()
        self.proc = None
