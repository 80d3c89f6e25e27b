#!/usr/bin/env python3
"""Smoke-test the sample apps with headless Playwright and check the state they report.

    python3 samples/recorder/check_apps.py [--shots DIR]

Covers all ten apps: signup, todo, shop, ledger, settings, admin, contacts, docs, wizard, board.

Uses Debian's Chromium (/usr/bin/chromium). Exits non-zero on the first failed check.
"""
import argparse
import json
import os
import sys
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import server as samples_server  # noqa: E402

from playwright.sync_api import sync_playwright  # noqa: E402


def state(base, app):
    with urllib.request.urlopen(f"{base}/__state?app={app}") as r:
        return json.load(r)


def check(cond, msg):
    if not cond:
        raise SystemExit("FAIL: " + msg)
    print("ok  ", msg)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shots", help="save a screenshot of each app here")
    args = ap.parse_args()
    srv, _ = samples_server.serve(0)
    base = f"http://127.0.0.1:{srv.server_address[1]}"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        pg = b.new_page(viewport={"width": 1280, "height": 713})

        def shot(name):
            if args.shots:
                os.makedirs(args.shots, exist_ok=True)
                pg.screenshot(path=os.path.join(args.shots, name + ".png"), full_page=True)

        # signup
        pg.goto(base + "/signup/")
        shot("signup")
        pg.get_by_label("First name").fill("Ana")
        pg.get_by_label("Last name").fill("Ferreira")
        pg.get_by_label("Work email").fill("ana.ferreira@lumen.pt")
        pg.get_by_label("Country").select_option(label="Portugal")
        pg.get_by_role("radio", name="Student").check()
        pg.get_by_role("checkbox", name="I agree to the code of conduct").check()
        pg.get_by_role("button", name="Register").click()
        pg.wait_for_url("**/confirm.html")
        shot("signup-confirm")
        pg.wait_for_timeout(300)
        s = state(base, "signup")
        check(s.get("page") == "/signup/confirm.html" and s["registration"]["country"] == "Portugal"
              and s["registration"]["ticket"] == "student", "signup reaches confirm with its values")

        # todo
        pg.goto(base + "/todo/")
        box = pg.get_by_role("textbox", name="New todo")
        for t in ["Buy oat milk", "Call the dentist", "Renew passport"]:
            box.fill(t)
            box.press("Enter")
        pg.get_by_role("checkbox", name="Call the dentist").check()
        pg.get_by_role("listitem").filter(has_text="Buy oat milk").get_by_role("button", name="Delete").click()
        pg.get_by_role("tab", name="Active").click()
        shot("todo")
        pg.wait_for_timeout(300)
        s = state(base, "todo")
        check(s["items"] == [{"text": "Call the dentist", "done": True}, {"text": "Renew passport", "done": False}]
              and s["filter"] == "active", "todo add/tick/delete/filter")

        # shop
        pg.goto(base + "/shop/")
        shot("shop")
        pg.locator("article").filter(has=pg.get_by_role("heading", name="Beacon Headlamp")) \
            .get_by_role("button", name="Add to cart").click()
        pg.locator("article").filter(has=pg.get_by_role("heading", name="Titanium Trail Mug")) \
            .get_by_role("button", name="Add to cart").click()
        pg.get_by_role("textbox", name="Search").fill("tent")
        pg.get_by_role("textbox", name="Search").press("Enter")
        pg.get_by_role("button", name="Cart", exact=True).click()
        shot("shop-cart")
        pg.wait_for_timeout(300)
        s = state(base, "shop")
        check(s["cartCount"] == 2 and s["query"] == "tent" and s["cartOpen"], "shop cart + search")
        pg.get_by_role("button", name="Checkout").click()
        pg.wait_for_url("**/checkout.html")
        pg.get_by_label("Email for receipt").fill("sam.okoro@example.org")
        pg.get_by_label("Full name").fill("Sam Okoro")
        pg.get_by_role("button", name="Place order").click()
        pg.wait_for_timeout(300)
        s = state(base, "shop")
        check(s["order"] and s["checkout"]["name"] == "Sam Okoro", "shop checkout")

        # ledger
        pg.goto(base + "/ledger/")
        pg.get_by_label("Email").fill("priya.raman@acme.studio")
        pg.get_by_label("Password").fill("correct-horse-42")
        pg.get_by_label("Password").press("Enter")
        pg.wait_for_url("**/dashboard.html")
        pg.get_by_role("button", name="New invoice").click()
        pg.get_by_label("Client").fill("Harbour Coffee Co.")
        pg.get_by_label("Amount (€)").fill("1250")
        pg.get_by_label("Due").select_option(label="In 30 days")
        pg.get_by_role("button", name="Create invoice").click()
        pg.get_by_role("button", name="Priya Raman").click()
        shot("ledger")
        pg.get_by_role("menuitem", name="Profile").click()
        pg.wait_for_timeout(300)
        s = state(base, "ledger")
        check(s["password"] == "correct-horse-42" and s["invoices"][0]["client"] == "Harbour Coffee Co."
              and s["tab"] == "invoices" and s["modal"] == "profile", "ledger login, invoice, menu")
        # settings
        pg.goto(base + "/settings/")
        shot("settings")
        pg.get_by_label("Display name").fill("Sam Rivera")
        pg.get_by_role("radio", name="Light").click()
        pg.keyboard.press("Tab")
        pg.keyboard.press("ArrowRight")
        pg.keyboard.press("ArrowRight")
        pg.get_by_role("switch", name="Weekly summary email").set_checked(True)
        pg.get_by_role("button", name="Privacy").click()
        pg.get_by_role("switch", name="Show my profile publicly").set_checked(False)
        pg.wait_for_timeout(200)
        s = state(base, "settings")
        check(s["dirty"] and s["saved"] is None and s["open"] == ["notifications", "privacy"],
              "settings: unsaved changes, accordion opened")
        pg.get_by_role("button", name="Save").click()
        shot("settings-saved")
        pg.wait_for_timeout(300)
        s = state(base, "settings")
        check(s["saved"] == s["settings"] and not s["dirty"] and s["toast"] and s["saves"] == 1
              and s["settings"] == {"displayName": "Sam Rivera", "theme": "light", "textSize": 17,
                                    "switches": {"emailNotifications": True, "pushNotifications": False,
                                                 "weeklySummary": True, "publicProfile": False,
                                                 "usageData": False, "developerMode": False,
                                                 "betaFeatures": False}},
              "settings: name, segmented, slider by keys, switches, save + toast")

        # admin
        pg.goto(base + "/admin/")
        shot("admin")
        row = lambda name: pg.get_by_role("row").filter(has=pg.get_by_role("cell", name=name, exact=True))
        pg.get_by_role("cell", name="bram.devries@quillstone.io", exact=True).dblclick()
        pg.get_by_role("textbox", name="Email").fill("bram@quillstone.io")
        pg.keyboard.press("Enter")
        pg.get_by_role("cell", name="Hiro Tanaka", exact=True).dblclick()
        pg.keyboard.type("Nobody")
        pg.keyboard.press("Escape")
        row("Esther Adeyemi").get_by_role("button", name="More actions").hover()
        pg.get_by_role("menuitem", name="Suspend").wait_for()
        shot("admin-menu")
        pg.get_by_role("menuitem", name="Suspend").click()
        row("Dmitri Volkov").get_by_role("button", name="Delete").click()
        shot("admin-confirm")
        pg.keyboard.press("Escape")
        pg.get_by_role("button", name="Page 3").click()
        row("Viktor Hale").get_by_role("button", name="Delete").click()
        pg.get_by_role("button", name="Delete user").click()
        pg.get_by_role("button", name="Prev").click()
        row("Ines Carvalho").get_by_role("button", name="Edit").click()
        pg.get_by_label("Role").select_option(label="Editor")
        pg.get_by_role("button", name="Save user").click()
        pg.get_by_role("searchbox", name="Search users").fill("lind")
        pg.wait_for_timeout(300)
        s = state(base, "admin")
        u = {x["name"]: x for x in s["users"]}
        check(u["Bram de Vries"]["email"] == "bram@quillstone.io" and "Nobody" not in u
              and u["Esther Adeyemi"]["status"] == "Suspended" and "Dmitri Volkov" in u
              and s["deleted"] == ["Viktor Hale"] and u["Ines Carvalho"]["role"] == "Editor"
              and s["shown"] == ["Greta Lindqvist", "Rosa Lindgren"] and s["pageNumber"] == 1
              and s["menu"] is None and s["dialog"] is None and s["editing"] is None,
              "admin: inline edit, Escape cancels, hover menu, Escape closes dialog, delete, edit dialog, search")

        # contacts (material-like)
        pg.goto(base + "/contacts/")
        shot("contacts")
        crow = lambda name: pg.get_by_role("listitem").filter(has=pg.get_by_text(name, exact=True))
        pg.get_by_role("button", name="Add contact").hover()
        pg.get_by_role("tooltip", name="New contact").wait_for()
        pg.get_by_role("button", name="Add contact").click()
        pg.get_by_role("button", name="Save").click()
        check(pg.get_by_text("A name is required.").is_visible(), "contacts: saving without a name shows an error")
        pg.get_by_role("textbox", name="Name").fill("Kofi Mensah")
        pg.get_by_role("textbox", name="Phone").fill("+233 30 555 0190")
        pg.get_by_role("switch", name="Add to favourites").click()
        shot("contacts-dialog")
        pg.get_by_role("button", name="Save").click()
        crow("Chen Wei").get_by_role("button", name="Remove").click()
        pg.get_by_role("button", name="Undo").click()
        crow("Farid Haddad").get_by_role("button", name="Remove").click()
        crow("Amara Okafor").get_by_role("button", name="Favourite").click()
        pg.get_by_role("button", name="Add contact").click()
        pg.keyboard.press("Escape")
        pg.get_by_role("tab", name="Favourites").click()
        pg.get_by_role("searchbox", name="Search contacts").fill("i")
        pg.wait_for_timeout(300)
        s = state(base, "contacts")
        c = {x["name"]: x for x in s["contacts"]}
        check(c["Kofi Mensah"]["favourite"] and "Chen Wei" in c and s["removed"] == ["Farid Haddad"]
              and not c["Amara Okafor"]["favourite"] and s["dialog"] is None and s["tab"] == "favourites"
              and s["shown"] == ["Dana Whitfield", "Kofi Mensah"] and s["snackbar"] == "Farid Haddad removed",
              "contacts: tooltip, dialog + validation + switch, remove, undo, favourite, Escape, tab, search")

        # docs (condensed docs site)
        pg.goto(base + "/docs/")
        shot("docs")
        q = pg.get_by_role("combobox", name="Search docs")
        q.fill("cach")
        pg.keyboard.press("ArrowDown")
        pg.keyboard.press("ArrowDown")
        s = state(base, "docs")
        check(s["resultsOpen"] and s["results"][0] == "Caching" and s["active"] == s["results"][1],
              "docs: search lists sections, ArrowDown moves the active result")
        pg.keyboard.press("Enter")
        pg.get_by_role("link", name="Deployment").click()
        pg.locator("#deployment").get_by_role("button", name="Copy code").click()
        pg.locator("#deployment").get_by_role("button", name="No").click()
        pg.get_by_role("button", name="v3.2").hover()
        pg.get_by_role("menuitem", name="v3.1").click()
        pg.get_by_role("switch", name="Dark mode").click()
        q.fill("deploy")
        pg.keyboard.press("Escape")
        pg.wait_for_timeout(300)
        s = state(base, "docs")
        check(s["hash"] == "#deployment" and s["copied"] == ["deployment"] and s["feedback"] == {"deployment": "no"}
              and s["version"] == "v3.1" and s["dark"] and not s["resultsOpen"] and s["query"] == "deploy"
              and len(s["opened"]) == 1 and not s["versionMenu"],
              "docs: Enter opens a result, sidebar anchor, copy, feedback, hover menu, switch, Escape closes results")

        # wizard (booking steps)
        pg.goto(base + "/wizard/")
        shot("wizard")
        nxt = pg.get_by_role("button", name="Next")
        nxt.click()
        s = state(base, "wizard")
        check(s["step"] == 1 and set(s["errors"]) == {"name", "email"}, "wizard: Next validates the guest step")
        pg.get_by_label("Full name").fill("Maria Santos")
        pg.get_by_label("Email").fill("maria@correo.es")
        nxt.click()
        pg.get_by_label("Check-in date").fill("2027-06-14")
        pg.get_by_label("Guests").fill("9")
        nxt.click()
        check(state(base, "wizard")["errors"] == {"guests": "Guests must be between 1 and 6."}, "wizard: number range error")
        pg.get_by_label("Guests").fill("3")
        pg.get_by_label("Nights").press("ArrowUp")
        nxt.click()
        pg.get_by_label("Room").select_option(label="Loft suite")
        pg.get_by_role("switch", name="Late checkout").click()
        nxt.click()
        pg.get_by_role("button", name="Confirm booking").click()
        check(state(base, "wizard")["errors"] == {"rules": "Please accept the house rules."}, "wizard: the rules must be accepted")
        pg.get_by_role("checkbox", name="I accept the house rules").check()
        shot("wizard-review")
        pg.get_by_role("button", name="Confirm booking").click()
        pg.wait_for_timeout(300)
        s = state(base, "wizard")
        f = s["fields"]
        check(s["done"] and s["reference"] and s["reference"].startswith("HS-") and f["checkin"] == "2027-06-14"
              and f["nights"] == "2" and f["guests"] == "3" and f["room"] == "Loft suite" and f["lateCheckout"]
              and s["errors"] == {}, "wizard: date, number, ArrowUp, select, switch, confirm")

        # board (kanban)
        pg.goto(base + "/board/")
        shot("board")
        card = lambda t: pg.locator("li.card").filter(has=pg.get_by_role("heading", name=t, exact=True))
        pg.get_by_role("heading", name="Offline banner").dblclick()
        pg.keyboard.type("Offline mode banner")
        pg.keyboard.press("Enter")
        pg.get_by_role("heading", name="Release notes").dblclick()
        pg.keyboard.type("Nope")
        pg.keyboard.press("Escape")
        card("Login screen polish").get_by_role("button", name="Move right").click()
        card("Analytics events").get_by_role("button", name="Move left").click()
        card("Release notes").get_by_role("button", name="Edit card").click()
        pg.get_by_label("Assignee").select_option(label="Theo Brandt")
        pg.get_by_label("Story points").fill("2")
        pg.get_by_role("switch", name="Blocked").click()
        shot("board-dialog")
        pg.keyboard.press("Escape")
        pg.get_by_role("heading", name="Push opt-in copy").hover()
        card("Push opt-in copy").get_by_role("button", name="Delete card").click()
        pg.locator("section.col").filter(has=pg.get_by_role("heading", name="Done", exact=True)) \
            .get_by_role("button", name="Add card").click()
        pg.get_by_role("textbox", name="New card title").fill("Beta feedback triage")
        pg.keyboard.press("Enter")
        pg.wait_for_timeout(300)
        s = state(base, "board")
        c = {x["title"]: x for x in s["cards"]}
        check("Offline mode banner" in c and "Release notes" in c and c["Login screen polish"]["column"] == "doing"
              and c["Analytics events"]["column"] == "doing" and c["Release notes"]["assignee"] == "Theo Brandt"
              and c["Release notes"]["points"] == 2 and c["Release notes"]["blocked"] and s["dialog"] is None
              and s["deleted"] == ["Push opt-in copy"] and c["Beta feedback triage"]["column"] == "done"
              and s["adding"] is None and s["renaming"] is None,
              "board: rename (Enter saves, Escape cancels), move, dialog, hover delete, add card")
        b.close()
    srv.shutdown()
    print("all apps OK")


if __name__ == "__main__":
    main()
