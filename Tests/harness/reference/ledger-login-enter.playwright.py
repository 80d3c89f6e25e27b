"""Reference for ledger-login-enter: sign in (Enter submits), open the Invoices tab."""
# secret: LEDGER_PASSWORD
import os

from playwright.sync_api import expect, sync_playwright

with sync_playwright() as p:
    browser = p.chromium.launch()
    page = browser.new_page()
    page.goto("http://127.0.0.1:8765/ledger/")
    page.get_by_label("Email").fill("daniel.okafor@acme.studio")
    page.get_by_label("Password").fill(os.environ["LEDGER_PASSWORD"])
    page.get_by_label("Password").press("Enter")
    page.wait_for_url("**/dashboard.html")
    page.get_by_role("tab", name="Invoices").click()
    expect(page.get_by_role("tab", name="Invoices")).to_have_attribute("aria-selected", "true")
    browser.close()
