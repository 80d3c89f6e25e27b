"""Reference for shop-search-checkout: search, add the lantern, check out with express delivery."""
from playwright.sync_api import expect, sync_playwright

with sync_playwright() as p:
    browser = p.chromium.launch()
    page = browser.new_page()
    page.goto("http://127.0.0.1:8765/shop/")
    search = page.get_by_role("textbox", name="Search")
    search.fill("lantern")
    search.press("Enter")
    page.locator("article").filter(has=page.get_by_role("heading", name="Lumen 400 Lantern")) \
        .get_by_role("button", name="Add to cart").click()
    page.get_by_role("button", name="Cart", exact=True).click()
    page.get_by_role("button", name="Checkout").click()
    page.wait_for_url("**/checkout.html")
    page.get_by_label("Email for receipt").fill("marta.silva@example.org")
    page.get_by_label("Full name").fill("Marta Silva")
    page.get_by_label("Delivery").select_option(label="Express (next day)")
    page.get_by_role("button", name="Place order").click()
    expect(page.get_by_text("is confirmed")).to_be_visible()
    browser.close()
