"""Reference for signup-register: fill the registration form, pick a ticket, agree, register."""
from playwright.sync_api import expect, sync_playwright

with sync_playwright() as p:
    browser = p.chromium.launch()
    page = browser.new_page()
    page.goto("http://127.0.0.1:8765/signup/")
    page.get_by_label("First name").fill("Ana")
    page.get_by_label("Last name").fill("Ferreira")
    page.get_by_label("Work email").fill("ana.ferreira@lumen.pt")
    page.get_by_label("Company (optional)").fill("Lumen Studio")
    page.get_by_label("Country").select_option(label="Portugal")
    page.get_by_role("radio", name="Workshop pass").check()
    page.get_by_role("checkbox", name="I agree to the code of conduct").check()
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("heading", name="You're registered, Ana!")).to_be_visible()
    browser.close()
