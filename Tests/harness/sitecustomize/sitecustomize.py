"""Redirect portable browser scripts to Debian's Chromium (used only by the eval harness).

Generated and reference scripts launch browsers the way each framework's documentation shows
(`p.chromium.launch()`, `webdriver.Chrome()`), with no machine paths. When this directory is on
PYTHONPATH, Python imports this module at start-up and we patch, lazily (only when the script
imports the framework):

* Playwright (sync and async) `BrowserType.launch` / `launch_persistent_context`:
  executable_path=/usr/bin/chromium, headless=True, args += --no-sandbox; `channel` is dropped.
* Selenium `webdriver.Chrome` (`selenium.webdriver.chrome.webdriver.WebDriver.__init__`):
  binary /usr/bin/chromium, --headless=new, --no-sandbox, --disable-dev-shm-usage, a 1280x800
  window unless the script chose one, and Service('/usr/bin/chromedriver') unless the script
  passed a service with an explicit executable path.

* Both: closing the browser waits 0.3 s first, so the sample apps' last keepalive state report
  leaves before the browser process goes (scripts that quit right after their last action).

Overrides: SCREENWRIGHT_CHROMIUM, SCREENWRIGHT_CHROMEDRIVER, SCREENWRIGHT_HEADFUL=1 (no headless),
SCREENWRIGHT_WINDOW=WxH.
"""

import functools
import time
import importlib.abc
import importlib.util
import os
import sys

CHROMIUM = os.environ.get("SCREENWRIGHT_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("SCREENWRIGHT_CHROMEDRIVER", "/usr/bin/chromedriver")
HEADLESS = os.environ.get("SCREENWRIGHT_HEADFUL", "") not in ("1", "true", "yes")
WINDOW = os.environ.get("SCREENWRIGHT_WINDOW", "1280x800").lower().replace("x", ",")
EXTRA_ARGS = ["--no-sandbox", "--disable-dev-shm-usage"]
QUIT_GRACE = 0.3  # seconds before a browser closes, for the apps' last state report


# ---------------------------------------------------------------- Playwright

def _pw_kwargs(kwargs):
    kwargs = dict(kwargs)
    kwargs.pop("channel", None)
    kwargs["executable_path"] = CHROMIUM
    kwargs["headless"] = HEADLESS
    args = list(kwargs.get("args") or [])
    for a in EXTRA_ARGS:
        if a not in args:
            args.append(a)
    kwargs["args"] = args
    return kwargs


def _is_chromium(browser_type):
    try:
        return browser_type.name == "chromium"
    except Exception:  # pragma: no cover - defensive
        return True


def _patch_playwright(module):
    browser = getattr(module, "Browser", None)
    if browser is not None and not getattr(browser, "_screenwright_patched", False):
        orig_close = browser.close

        @functools.wraps(orig_close)
        def close(self, *args, **kwargs):
            time.sleep(QUIT_GRACE)  # see the Selenium quit patch below
            return orig_close(self, *args, **kwargs)

        browser.close = close
        browser._screenwright_patched = True
    cls = getattr(module, "BrowserType", None)
    if cls is None or getattr(cls, "_screenwright_patched", False):
        return
    for meth in ("launch", "launch_persistent_context"):
        orig = getattr(cls, meth, None)
        if orig is None:
            continue

        def make(orig):
            @functools.wraps(orig)
            def wrapper(self, *args, **kwargs):
                if _is_chromium(self):
                    kwargs = _pw_kwargs(kwargs)
                return orig(self, *args, **kwargs)

            return wrapper

        setattr(cls, meth, make(orig))
    cls._screenwright_patched = True


# ---------------------------------------------------------------- Selenium

def _patch_selenium(module):
    cls = getattr(module, "WebDriver", None)
    if cls is None or getattr(cls, "_screenwright_patched", False):
        return
    orig_init = cls.__init__

    @functools.wraps(orig_init)
    def __init__(self, options=None, service=None, keep_alive=True, *args, **kwargs):
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service

        if options is None:
            options = Options()
        options.binary_location = CHROMIUM
        present = list(options.arguments)
        wanted = list(EXTRA_ARGS)
        if HEADLESS and not any(a.startswith("--headless") for a in present):
            wanted.append("--headless=new")
        if not any(a.startswith("--window-size") for a in present) and "--start-maximized" not in present:
            wanted.append("--window-size=" + WINDOW)
        for a in wanted:
            if a not in present:
                options.add_argument(a)
        if service is None or not getattr(service, "path", None) or service.path in ("chromedriver",):
            service = Service(CHROMEDRIVER)
        return orig_init(self, options=options, service=service, keep_alive=keep_alive, *args, **kwargs)

    cls.__init__ = __init__

    # The sample apps report their state with keepalive POSTs; a loaded machine may not have sent
    # the last one when the script quits at once. A moment before quitting lets it go out (the
    # harness's measurement only: the scripts themselves are unchanged).
    orig_quit = cls.quit

    @functools.wraps(orig_quit)
    def quit(self, *args, **kwargs):
        time.sleep(QUIT_GRACE)
        return orig_quit(self, *args, **kwargs)

    cls.quit = quit
    cls._screenwright_patched = True


# ---------------------------------------------------------------- lazy import hook

_PATCHERS = {
    "playwright.sync_api._generated": _patch_playwright,
    "playwright.async_api._generated": _patch_playwright,
    "selenium.webdriver.chrome.webdriver": _patch_selenium,
}


class _PatchingLoader(importlib.abc.Loader):
    def __init__(self, loader, patch):
        self._loader = loader
        self._patch = patch

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        self._patch(module)

    def __getattr__(self, name):  # e.g. get_source, is_package
        return getattr(self._loader, name)


class _PatchingFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        patch = _PATCHERS.get(fullname)
        if patch is None:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _PatchingLoader(spec.loader, patch)
                return spec
        return None


# Modules already imported (unlikely at site time) are patched directly.
for _name, _patch in _PATCHERS.items():
    if _name in sys.modules:
        _patch(sys.modules[_name])
sys.meta_path.insert(0, _PatchingFinder())
