"""Sources/Grounding/PageScript.js against real Playwright and Selenium (issue 11).

For every visible actionable element on each sample page (and in a few opened states) the test takes
the element's centre, asks `__screenwright.identify(x, y)` and checks that

* the point is recognised as actionable and resolves to that element;
* the chosen Playwright candidate, turned into real Playwright calls (`get_by_role(...)`,
  `locator(css).filter(has_text=...)`, `.nth()`), resolves to exactly that one element;
* every candidate's `count` equals `locator.count()` in real Playwright (so strict-mode semantics —
  hidden elements ignored by get_by_role, counted by get_by_text/label/placeholder/title — match);
* role and accessible name are what Playwright's get_by_role and aria snapshot see;
* the chosen Selenium candidate gives exactly that one element with `find_elements` (todo and
  ledger sign-in pages only, to keep time down).

Skips when Debian's Chromium is missing. Prints one summary line (elements checked / matched).
"""

import os
import re
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SCRIPT = (REPO / "Sources" / "Grounding" / "PageScript.js").read_text(encoding="utf-8")
FIXTURE = HERE / "fixtures" / "grounding.html"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

sys.path.insert(0, str(HERE))
import replay  # noqa: E402  (sample server loader)

pytestmark = pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason="Debian chromium not installed")

# The script is sent as a function body, exactly as the Swift side sends it to execute/sync.
IDENTIFY_JS = "(a) => {\n" + SCRIPT + "\n;return __screenwright.identify(a[0], a[1], a[2]);\n}"
CALL_JS = "(a) => {\n" + SCRIPT + "\n;return __screenwright[a[0]](a[1]);\n}"

# Visible actionable elements with their centre after scrolling them into view; `reachable` says
# whether the centre really hits the element (not covered by a modal scrim or a sticky header).
COLLECT_JS = r"""
() => {
  const sel = 'button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button], [role=link],' +
    '[role=checkbox], [role=radio], [role=switch], [role=tab], [role=menuitem], [contenteditable=""], [contenteditable=true]';
  const all = [];
  const walk = (root) => { for (const e of root.querySelectorAll('*')) { if (e.matches(sel)) all.push(e); if (e.shadowRoot) walk(e.shadowRoot); } };
  walk(document);
  return all.filter(e => e.checkVisibility() && getComputedStyle(e).visibility === 'visible' &&
                         e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().height > 0);
}
"""
CENTRE_JS = r"""
(e) => {
  e.scrollIntoView({block: 'center', inline: 'center'});
  const r = e.getBoundingClientRect();
  const x = r.x + r.width / 2, y = r.y + r.height / 2;
  let h = document.elementFromPoint(x, y);
  while (h && h.shadowRoot) { const i = h.shadowRoot.elementFromPoint(x, y); if (!i || i === h) break; h = i; }
  const inside = (a, b) => { while (b) { if (a === b || a.contains(b)) return true; const r = b.getRootNode(); b = r && r.host; } return false; };
  const lab = h && h.closest && h.closest('label');
  const reachable = !!h && (inside(e, h) || (lab && lab.control === e));
  return {x, y, reachable, desc: e.outerHTML.slice(0, 90)};
}
"""


def to_locator(page, c):
    """A Playwright candidate JSON → a real Playwright locator."""
    base = page
    if c.get("scope"):
        base = page.locator(c["scope"]["css"])
        if c["scope"].get("hasText") is not None:
            base = base.filter(has_text=c["scope"]["hasText"])
    k, v, exact = c["kind"], c["value"], c["exact"]
    if k == "testId":
        loc = base.get_by_test_id(v)
    elif k == "role":
        loc = base.get_by_role(v, name=c["name"], exact=exact) if c["name"] is not None else base.get_by_role(v)
    elif k == "label":
        loc = base.get_by_label(v, exact=exact)
    elif k == "placeholder":
        loc = base.get_by_placeholder(v, exact=exact)
    elif k == "altText":
        loc = base.get_by_alt_text(v, exact=exact)
    elif k == "title":
        loc = base.get_by_title(v, exact=exact)
    elif k == "text":
        loc = base.get_by_text(v, exact=exact)
    elif k == "css":
        loc = base.locator(v)
    else:
        raise AssertionError(f"unknown kind {k}")
    if c.get("nth") is not None:
        loc = loc.nth(c["nth"])
    return loc


def identify(page, x, y, opts=None):
    h = page.evaluate_handle(IDENTIFY_JS, [x, y, opts or {}])
    el = h.get_property("element").as_element()
    data = page.evaluate("r => { const o = Object.assign({}, r); delete o.element; return o; }", h)
    h.dispose()
    return el, data


def same(page, a, b):
    return page.evaluate("([a, b]) => a === b", [a, b])


def snapshot_role_name(loc):
    """(role, name) from the first line of Playwright's aria snapshot of one element."""
    lines = loc.aria_snapshot(timeout=2000).splitlines()
    if not lines:
        return None, None
    m = re.match(r'^- ([a-z]+)(?: "((?:[^"\\]|\\.)*)")?', lines[0])
    if not m:
        return None, None
    return m.group(1), (m.group(2) or "").replace('\\"', '"')


class Tally:
    def __init__(self):
        self.checked = 0
        self.matched = 0
        self.candidates = 0
        self.selenium = 0
        self.failures = []

    def record(self, where, problems):
        self.checked += 1
        if problems:
            self.failures.append(f"{where}: " + "; ".join(problems))
        else:
            self.matched += 1


TALLY = Tally()


@pytest.fixture(scope="module")
def env(pytestconfig):
    from playwright.sync_api import sync_playwright

    mod = replay.load_server_module(str(REPO / "samples"))
    server, _ = mod.serve(0, str(REPO / "samples" / "apps"))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    started = time.time()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.set_default_timeout(5000)
        try:
            yield {"page": page, "base": base}
        finally:
            browser.close()
            server.shutdown()
            server.server_close()
            line = (f"PageScript.js: {TALLY.checked} elements checked, {TALLY.matched} matched "
                    f"({TALLY.selenium} of them with Selenium; {TALLY.candidates} Playwright counts compared) "
                    f"in {time.time() - started:.1f} s")
            tr = pytestconfig.pluginmanager.getplugin("terminalreporter")
            cap = pytestconfig.pluginmanager.getplugin("capturemanager")
            if tr and cap:
                with cap.global_and_fixture_disabled():
                    tr.write_line("\n" + line)
            else:
                print(line)


def check_page(page, where, expect_min=1):
    """Identify every reachable actionable element on the current page state; returns problems."""
    handles = page.evaluate_handle(COLLECT_JS)
    elements = [p.as_element() for p in handles.get_properties().values()]
    checked = 0
    for el in elements:
        pt = el.evaluate(CENTRE_JS)
        if not pt["reachable"]:
            continue
        checked += 1
        got, r = identify(page, pt["x"], pt["y"])
        probs = []
        if not r.get("found") or not r.get("actionable"):
            probs.append("not actionable")
        if got is None or not same(page, got, el):
            probs.append(f"identified <{r.get('tag')}> {r.get('name')!r} instead")
        for c in r.get("playwright", []):
            TALLY.candidates += 1
            try:
                n = to_locator(page, c).count()
            except Exception as exc:  # a malformed candidate is a failure, not a crash
                probs.append(f"candidate {c} raised {exc.__class__.__name__}")
                continue
            if n != c["count"]:
                probs.append(f"count {c['count']} != Playwright {n} for {c}")
        ch = r.get("chosen", {}).get("playwright")
        if not ch:
            probs.append("no Playwright locator chosen")
        else:
            loc = to_locator(page, ch)
            if loc.count() != 1:
                probs.append(f"chosen {ch} resolves to {loc.count()}")
            elif not same(page, loc.element_handle(), el):
                probs.append(f"chosen {ch} resolves to another element")
            else:
                role, name = snapshot_role_name(loc)
                if r["role"] and role and role != r["role"] and not (role == "generic"):
                    probs.append(f"aria snapshot role {role} != {r['role']}")
                if r["role"] and r["name"] and name is not None and name != r["name"]:
                    probs.append(f"aria snapshot name {name!r} != {r['name']!r}")
        if r.get("role") and r.get("name"):
            by_role = page.get_by_role(r["role"], name=r["name"], exact=True)
            if not by_role.evaluate_all("(els, t) => els.includes(t)", el):
                probs.append(f"get_by_role({r['role']!r}, name={r['name']!r}) does not include it")
        TALLY.record(f"{where} {pt['desc']}", probs)
    assert checked >= expect_min, f"{where}: only {checked} reachable actionable elements"
    return checked


def assert_clean(where):
    mine = [f for f in TALLY.failures if f.startswith(where)]
    assert not mine, "\n".join(mine[:20])


def non_actionable(page, selector):
    el = page.locator(selector).first
    el.scroll_into_view_if_needed()
    b = el.bounding_box()
    _, r = identify(page, b["x"] + min(8, b["width"] / 2), b["y"] + b["height"] / 2)
    assert r["found"] and not r["actionable"], (selector, r.get("tag"), r.get("name"))
    return r


def test_signup(env):
    page = env["page"]
    page.goto(env["base"] + "/signup/")
    check_page(page, "signup")
    non_actionable(page, "h1")
    # A click on a label's text grounds to the label's control.
    b = page.get_by_text("Valid student ID required").bounding_box()
    el, r = identify(page, b["x"] + 10, b["y"] + b["height"] / 2)
    assert (r["role"], r["name"], r["inputType"], r["checked"]) == ("radio", "Student", "radio", False)
    assert r["chosen"]["playwright"]["kind"] == "role"
    b = page.get_by_text("Email me about future events").bounding_box()
    _, r = identify(page, b["x"] + b["width"] - 5, b["y"] + b["height"] / 2)
    assert (r["role"], r["name"]) == ("checkbox", "Email me about future events")
    b = page.locator("#country").bounding_box()
    _, r = identify(page, b["x"] + 10, b["y"] + b["height"] / 2)
    assert r["options"][:3] == ["Select a country", "Brazil", "Canada"] and r["selectedOption"] == "Select a country"
    assert_clean("signup")


def test_todo_with_items(env):
    page = env["page"]
    page.goto(env["base"] + "/todo/")
    for t in ["Buy milk", "Call the bank", "Buy milk and eggs"]:
        page.get_by_placeholder("What needs doing?").fill(t)
        page.keyboard.press("Enter")
    page.get_by_role("checkbox", name="Call the bank").check()
    check_page(page, "todo")
    non_actionable(page, "h1")
    non_actionable(page, "#today")
    # The repeated Delete buttons are told apart by their row.
    row = page.locator("li").filter(has_text="Buy milk and eggs")
    b = row.get_by_role("button").bounding_box()
    _, r = identify(page, b["x"] + b["width"] / 2, b["y"] + b["height"] / 2)
    ch = r["chosen"]["playwright"]
    assert ch["kind"] == "role" and ch["scope"] and ch["nth"] is None, ch
    assert_clean("todo")


def test_ledger(env):
    page = env["page"]
    page.goto(env["base"] + "/ledger/")
    check_page(page, "ledger-login")
    page.get_by_label("Email").fill("maya@acme.test")
    page.get_by_label("Password").fill("correct-horse")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/dashboard.html")
    page.locator("#user-btn").click()
    check_page(page, "ledger-menu")
    b = page.get_by_role("menuitem", name="Sign out").bounding_box()
    _, r = identify(page, b["x"] + b["width"] / 2, b["y"] + b["height"] / 2)
    assert (r["role"], r["name"]) == ("menuitem", "Sign out")
    page.keyboard.press("Escape")
    page.locator("#new-invoice").click()
    page.locator("#invoice-modal").wait_for(state="visible")
    check_page(page, "ledger-modal", expect_min=4)
    assert_clean("ledger")


def test_shop(env):
    page = env["page"]
    page.goto(env["base"] + "/shop/")
    check_page(page, "shop-page", expect_min=20)
    adds = page.get_by_role("button", name="Add to cart")
    adds.nth(0).click()
    adds.nth(3).click()
    page.locator("#cart-btn").click()
    page.locator("#drawer").wait_for(state="visible")
    check_page(page, "shop-drawer", expect_min=4)
    assert_clean("shop")


def test_fixture(env):
    page = env["page"]
    page.goto(FIXTURE.as_uri())
    check_page(page, "fixture", expect_min=15)
    non_actionable(page, "h1")
    non_actionable(page, "p.intro")

    def at(selector):
        loc = page.locator(selector).first
        loc.scroll_into_view_if_needed()
        b = loc.bounding_box()
        return identify(page, b["x"] + b["width"] / 2, b["y"] + b["height"] / 2)[1]

    r = at("button[role=switch]")
    assert (r["role"], r["name"], r["isSwitch"], r["checked"]) == ("switch", "Weekly summary email", True, False)
    r = at("button[aria-label='Close panel']")
    assert r["chosen"]["playwright"]["kind"] == "role" and r["name"] == "Close panel"
    r = at("[data-testid=promo-banner]")
    assert r["chosen"]["playwright"] == {**r["chosen"]["playwright"], "kind": "testId", "value": "promo-banner"}
    assert r["name"] == "Claim your offer"
    r = at("input[placeholder='Search the docs']")
    assert r["name"] == "Search the docs" and r["chosen"]["playwright"]["kind"] == "role"
    ph = [c for c in r["playwright"] if c["kind"] == "placeholder"][0]
    assert ph["count"] == 2  # the display:none twin counts for get_by_placeholder
    # Hidden duplicates: get_by_role ignores the closed dialog's button, get_by_text counts it.
    r = at("#save")
    text = [c for c in r["playwright"] if c["kind"] == "text"][0]
    assert text["count"] == 2 and r["chosen"]["playwright"]["kind"] == "role"
    r = at("a.btn")
    assert (r["role"], r["name"]) == ("link", "Get started")
    assert r["chosen"]["selenium"] == {"by": "link text", "value": "Get started", "count": 1}
    r = at("a[href='#home']")
    assert (r["role"], r["name"]) == ("link", "Home")
    r = at(".chip >> nth=0")
    assert r["actionable"] and r["tag"] == "span" and r["text"] == "Tents"
    r = at(".clicky")
    assert r["actionable"] and r["tag"] == "span"
    r = at("select")
    assert r["options"] == ["Small", "Large"] and r["selectedOption"] == "Large" and r["role"] == "combobox"
    r = at("li:nth-child(3) button")
    assert r["chosen"]["playwright"]["scope"]["hasText"] == "Alpha report (copy)"
    # count/resolve/state/visibleText
    assert page.evaluate(CALL_JS, ["count", {"kind": "text", "value": "Save", "name": None, "exact": True,
                                             "scope": None, "nth": None}]) == 2
    assert page.evaluate(CALL_JS, ["visibleText", "Saved!"]) is False
    assert page.evaluate(CALL_JS, ["visibleText", "Account preferences"]) is True
    st = page.evaluate(CALL_JS, ["state", None])
    assert st["openDialogs"] == 0 and st["domSize"] > 30 and len(st["textHash"]) == 8
    page.evaluate("document.getElementById('saved-dialog').showModal()")
    assert page.evaluate(CALL_JS, ["state", None])["openDialogs"] == 1
    assert page.evaluate(CALL_JS, ["visibleText", "Saved!"]) is True
    assert_clean("fixture")


@pytest.mark.skipif(not os.access(CHROMEDRIVER, os.X_OK), reason="Debian chromedriver not installed")
def test_selenium(env):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    opts = Options()
    opts.binary_location = CHROMIUM
    opts.add_argument("--headless=new")
    opts.add_argument("--no-sandbox")
    opts.add_argument("--window-size=1280,800")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    body = SCRIPT + "\n;return __screenwright.identify(arguments[0], arguments[1], arguments[2]);"
    collect = "const f = " + COLLECT_JS + "; return f();"
    centre = "const f = " + CENTRE_JS + "; return f(arguments[0]);"
    problems, checked = [], 0
    try:
        driver.get(env["base"] + "/todo/")
        box = driver.find_element("id", "new-todo")
        for t in ["Buy milk", "Pay rent", "Buy milk and eggs"]:
            box.send_keys(t + "\n")
        for url in (None, env["base"] + "/ledger/"):
            if url:
                driver.get(url)
            for el in driver.execute_script(collect):
                pt = driver.execute_script(centre, el)
                if not pt["reachable"]:
                    continue
                checked += 1
                r = driver.execute_script(body, pt["x"], pt["y"], {})
                ch = r["chosen"]["selenium"]
                if r["element"] != el:
                    problems.append(f"{pt['desc']}: identified another element")
                if not ch:
                    problems.append(f"{pt['desc']}: no Selenium locator chosen")
                    continue
                for c in r["selenium"]:
                    n = len(driver.find_elements(c["by"], c["value"]))
                    if n != c["count"]:
                        problems.append(f"{pt['desc']}: count {c['count']} != Selenium {n} for {c}")
                found = driver.find_elements(ch["by"], ch["value"])
                if len(found) != 1 or found[0] != el:
                    problems.append(f"{pt['desc']}: chosen {ch} finds {len(found)}")
        st = driver.execute_script(SCRIPT + "\n;return __screenwright.state();")
        assert st["url"].endswith("/ledger/") and st["domSize"] > 10 and st["openDialogs"] == 0
        assert driver.execute_script(SCRIPT + "\n;return __screenwright.visibleText(arguments[0]);", "Sign in") is True
    finally:
        driver.quit()
    TALLY.checked += checked
    TALLY.selenium += checked
    TALLY.matched += checked - len({p.split(':')[0] for p in problems})
    assert checked >= 10
    assert not problems, "\n".join(problems[:20])


def _c(kind, value, name=None, exact=True, scope=None, nth=None):
    return {"kind": kind, "value": value, "name": name, "exact": exact, "scope": scope, "nth": nth}


# Hand-written locators whose Playwright semantics are easy to get wrong; count() must agree.
SEMANTICS = [
    _c("text", "Export"), _c("text", "export"), _c("text", "Export now"), _c("text", "Export", exact=False),
    _c("text", "Save"), _c("text", "Saved!"), _c("text", "Send it"), _c("text", "Claim your offer"),
    _c("role", "button", "Export"), _c("role", "button", "export", exact=False), _c("role", "button", "Save"),
    _c("role", "button", "Delete"), _c("role", "button", None), _c("role", "link", "Get started"),
    _c("role", "textbox", "Billing address"), _c("role", "textbox", "Postal code"), _c("role", "button", "Send it"),
    _c("role", "img", "Chart of sales"), _c("role", "region", "Semantics"), _c("role", "switch", "Weekly summary email"),
    _c("label", "Billing address"), _c("label", "Billing  address"), _c("label", "Postal code"), _c("label", "postal", exact=False),
    _c("label", "Close panel"), _c("label", "Weekly summary email"), _c("label", "Notes"),
    _c("placeholder", "Search the docs"), _c("placeholder", "search", exact=False),
    _c("altText", "Chart  of sales"), _c("altText", "Chart of sales"), _c("title", "Tooltip text"), _c("title", "Settings"),
    _c("testId", "promo-banner"), _c("css", "button"), _c("css", ".chip b"),
    _c("role", "button", "Delete", scope={"css": "li", "hasText": "alpha REPORT"}),
    _c("role", "button", "Delete", scope={"css": "li", "hasText": "Alpha report"}, nth=1),
    _c("text", "Choose", scope={"css": "div.tile", "hasText": "team"}),
    _c("role", "button", "Shadow action"), _c("text", "Shadow action"),
]


def test_count_semantics(env):
    page = env["page"]
    page.goto(FIXTURE.as_uri())
    bad = []
    for c in SEMANTICS:
        ours = page.evaluate(CALL_JS, ["count", c])
        theirs = to_locator(page, c).count()
        if ours != theirs:
            bad.append(f"{c}: ours {ours}, Playwright {theirs}")
        if theirs == 1:
            same_el = page.evaluate_handle(CALL_JS, ["resolve", c]).as_element()
            if same_el is None or not same(page, same_el, to_locator(page, c).element_handle()):
                bad.append(f"{c}: resolve() gives another element")
    TALLY.candidates += len(SEMANTICS)
    assert not bad, "\n".join(bad)
    # Page background: nothing actionable.
    _, r = identify(page, 1270, 10)
    assert r["found"] and not r["actionable"] and r["tag"] in ("html", "body"), r.get("tag")
    # Evaluated as a plain script (twice), it adds exactly one global and leaves the DOM alone.
    before = page.evaluate("() => [Object.keys(window).length, document.documentElement.outerHTML.length]")
    page.evaluate(SCRIPT + "\n;0")
    page.evaluate(SCRIPT + "\n;0")
    keys = page.evaluate("() => Object.keys(window)")
    after = page.evaluate("() => document.documentElement.outerHTML.length")
    assert len(keys) == before[0] + 1 and "__screenwright" in keys and after == before[1]
    assert page.evaluate("() => __screenwright.identify(5, 5).found") is True
