#!/usr/bin/env python3
"""Smoke-test the sample apps with headless Playwright and check the state they report.

    python3 samples/recorder/check_apps.py [--shots DIR]

Covers all six apps: signup, todo, shop, ledger, settings, admin.

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
        b.close()
    srv.shutdown()
    print("all apps OK")


if __name__ == "__main__":
    main()
