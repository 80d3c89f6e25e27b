"""Reference for todo-add-items: add three tasks with Enter, tick one off."""
from playwright.sync_api import expect, sync_playwright

with sync_playwright() as p:
    browser = p.chromium.launch()
    page = browser.new_page()
    page.goto("http://127.0.0.1:8765/todo/")
    new_todo = page.get_by_role("textbox", name="New todo")
    for task in ["Buy oat milk", "Call the dentist about Friday", "Book train tickets to Porto"]:
        new_todo.fill(task)
        new_todo.press("Enter")
    page.get_by_role("checkbox", name="Call the dentist about Friday").check()
    expect(page.get_by_text("2 items left")).to_be_visible()
    browser.close()
