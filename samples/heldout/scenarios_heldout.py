"""The held-out scenarios, as appended to a copy of samples/recorder/scenarios.py to record them
(`python3 recorder/record.py --scenario heldout-… --out …`). Kept apart so `make samples` does not
record them into the main corpus."""
# flake8: noqa
from scenarios import *  # noqa: F401,F403  (run from samples/recorder with this appended there)



# ------------------------------------------------------------------------------------------------
# held-out scenarios (not part of the committed corpus; used to test vid2auto on unseen videos)
# ------------------------------------------------------------------------------------------------
@scenario("heldout-shop-tent-cart", "shop", "/shop/",
          "Searches for tents (Enter), scrolls to the results, adds both tents, opens the cart, "
          "raises the quantity of one, removes the other and closes the drawer.",
          ["fill", "press Enter", "scroll", "repeated Add to cart buttons (context)", "modal drawer",
           "quantity +", "Remove", "close button"],
          wpm=72)
def heldout_shop_tent_cart(r):
    r.fill(role("textbox", "Search"), "tent")
    r.wait(0.2, 0.4)
    r.press("Enter")
    r.wait(0.8, 1.2)
    r.scroll(3)
    r.think()
    r.click(card_button(r, "Ridgeline UL Tent"))
    r.wait(0.6, 1.0)
    r.click(card_button(r, "Trailhead 2P Tent"))
    r.think()
    r.click(role("button", "Cart"))
    r.wait(0.8, 1.2)
    r.click(cart_line_button(r, "Ridgeline UL Tent", "Increase quantity"))
    r.think()
    r.click(cart_line_button(r, "Trailhead 2P Tent", "Remove"))
    r.think()
    r.click(role("button", "Close"))
    r.wait(0.8, 1.2)
    r.wander()


@scenario("heldout-todo-done-filter", "todo", "/todo/",
          "VP9 WebM. Adds three tasks (one typo fixed with backspace), ticks two, views the Done tab "
          "then All, and deletes one ticked task with its row's Delete button.",
          ["vp9 webm", "fill", "typo fixed with backspace", "press Enter", "checkbox", "tabs",
           "repeated Delete buttons (context)"],
          codec="vp9", wpm=74)
def heldout_todo_done_filter(r):
    for text in ["Renew passport", "Fix the bike brkaes\b\b\b\bakes", "Send invoice to Marco"]:
        r.fill(NEW_TODO, text)
        r.wait(0.2, 0.45)
        r.press("Enter")
        r.wait(0.35, 0.7)
    r.think()
    r.check(role("checkbox", "Renew passport"))
    r.wait(0.3, 0.6)
    r.check(role("checkbox", "Send invoice to Marco"))
    r.think()
    r.click(role("tab", "Done"))
    r.wait(0.9, 1.3)
    r.click(role("tab", "All"))
    r.wait(0.6, 1.0)
    r.click(todo_row_button(r, "Renew passport"))
    r.wait(0.6, 1.0)
    r.wander()


@scenario("heldout-signup-student", "signup", "/signup/",
          "Registers with a student ticket: four text fields, Spain from the select popup, the "
          "Student radio, scrolls, ticks the newsletter and the code of conduct and submits.",
          ["fill", "select (popup click)", "radio", "scroll", "checkbox ×2", "navigation to a second page"],
          wpm=60)
def heldout_signup_student(r):
    r.fill(label("First name"), "Mateo")
    r.think()
    r.fill(label("Last name"), "Alvarez")
    r.think()
    r.fill(label("Work email"), "mateo.alvarez@quillworks.es")
    r.think()
    r.fill(label("Company (optional)"), "Quillworks")
    r.think()
    r.select(label("Country"), "Spain")
    r.think()
    r.check(role("radio", "Student"))
    r.wait(0.5, 0.9)
    r.scroll(3)
    r.think()
    r.check(role("checkbox", "Email me about future events"))
    r.wait(0.3, 0.6)
    r.check(role("checkbox", "I agree to the code of conduct"))
    r.think()
    r.click(role("button", "Register"), nav="**/confirm.html")
    r.wait(1.0, 1.6)
    r.wander()


@scenario("heldout-ledger-invoice-signout", "ledger", "/ledger/",
          "Signs in with the Sign in button, opens the Invoices tab, creates an invoice due on "
          "receipt in the New invoice modal, then signs out through the user menu.",
          ["password", "navigation", "tab", "modal dialog", "fill in a focused field",
           "select (popup click)", "menu", "menuitem", "navigation back"],
          wpm=96)
def heldout_ledger_invoice_signout(r):
    sign_in(r, "noor.haddad@acme.studio", "amber-Fjord-33", submit="click")
    r.click(role("tab", "Invoices"))
    r.wait(0.6, 0.9)
    r.click(role("button", "New invoice"))
    r.wait(0.5, 0.8)
    r.fill(label("Client"), "Pine & Ivy")
    r.wait(0.3, 0.6)
    r.fill(label("Amount (€)"), "480.50")
    r.wait(0.3, 0.6)
    r.select(label("Due"), "On receipt")
    r.wait(0.3, 0.6)
    r.fill(label("Memo"), "Window display")
    r.wait(0.3, 0.6)
    r.click(role("button", "Create invoice"))
    r.wait(0.8, 1.2)
    r.click(role("button", "Noor Haddad"))
    r.wait(0.5, 0.8)
    r.click(role("menuitem", "Sign out"), nav="**/ledger/")
    r.wait(0.8, 1.2)


@scenario("heldout-shop-checkout-1080-window", "shop", "/shop/",
          "Full HD screen with a browser window that does not fill it. Scrolls to the hammock, adds "
          "it, opens the cart, checks out on a second page, fills email and name, picks store pickup "
          "with the keyboard inside the select and places the order.",
          ["1920x1080", "window smaller than the screen", "scroll", "click below the fold",
           "modal drawer", "navigation to a second page", "select (keyboard in popup)"],
          screen=(1920, 1080), window=(240, 70, 1440, 940), background="#2f5d50", wpm=78)
def heldout_shop_checkout_1080_window(r):
    r.scroll(7)
    r.think()
    r.click(card_button(r, "Canopy Hammock"))
    r.think()
    r.click(role("button", "Cart"))
    r.wait(0.8, 1.2)
    r.click(role("button", "Checkout"), nav="**/checkout.html")
    r.wait(0.8, 1.2)
    r.fill(label("Email for receipt"), "yuki.tanaka@example.net")
    r.think()
    r.fill(label("Full name"), "Yuki Tanaka")
    r.think()
    r.select(label("Delivery"), "Pick up in store", by_keyboard=True)
    r.think()
    r.click(role("button", "Place order"))
    r.wait(1.0, 1.5)
    r.wander()


# ------------------------------------------------------------------------------------------------
# session 5: held-out recordings of the four session-5 apps (recorded on port 8850 with
# `record.py --extra-scenarios samples/heldout/scenarios_heldout.py --out samples/heldout/recordings`)
# ------------------------------------------------------------------------------------------------
@scenario("heldout-contacts-add-remove-1080", "contacts", "/contacts/",
          "A 1920×1080 screen. Adds a contact through the + button (name, Tab, phone), stars Chen Wei "
          "and removes Ines Moreau.",
          ["1920x1080 screen", "icon-only button (aria-label Add contact)", "modal dialog", "press Tab",
           "repeated row buttons (context)", "snackbar"],
          screen=(1920, 1080))
def heldout_contacts_add_remove_1080(r):
    r.click(role("button", "Add contact"))
    r.wait(0.5, 0.8)
    r.fill(role("textbox", "Name"), "Yusuf Arslan")
    r.wait(0.2, 0.4)
    r.press("Tab")
    r.fill(role("textbox", "Phone"), "+90 312 555 0150")
    r.think()
    r.click(role("button", "Save"))
    r.think()
    r.click(contact_button(r, "Chen Wei", "Favourite"))
    r.think()
    r.click(contact_button(r, "Ines Moreau", "Remove"))
    r.wait(1.0, 1.4)


@scenario("heldout-docs-search-version", "docs", "/docs/",
          "Searches “serve”, ArrowDown and Enter open a result, says No there, then picks v3.1 from "
          "the version menu opened by resting the pointer on it.",
          ["fill (combobox)", "press ArrowDown", "press Enter", "repeated buttons (context)", "hover opens a menu",
           "menuitem"])
def heldout_docs_search_version(r):
    r.fill(role("combobox", "Search docs"), "serve")
    r.wait(0.5, 0.8)
    r.press("ArrowDown")
    r.wait(0.3, 0.5)
    r.press("Enter")
    r.wait(0.8, 1.2)
    r.click(docs_section_button(r, "introduction", "No"))
    r.think()
    r.hover(role("button", "v3.2"), opens=role("menuitem", "v3.1"))
    r.click(role("menuitem", "v3.1"))
    r.wait(1.0, 1.4)
    r.wander(dx_range=(-300, -150), dy_range=(120, 240))


@scenario("heldout-wizard-booking-vp9", "wizard", "/wizard/",
          "VP9 WebM. A booking with a typo in the email fixed by backspace, a date, 2 nights retyped, "
          "the Family room, Late checkout, the rules and Confirm booking.",
          ["vp9 webm", "backspace corrections", "date input", "Control+A then typing", "select (popup click)",
           "toggle switch", "checkbox", "multi-step form"],
          codec="vp9")
def heldout_wizard_booking_vp9(r):
    r.fill(label("Full name"), "Grace Kim")
    r.think()
    r.fill(label("Email"), "grace.kin\bm@mail.kr")
    r.think()
    r.click(role("button", "Next"))
    r.wait(0.5, 0.8)
    r.fill(label("Check-in date"), "10022027", expect="2027-10-02")
    r.think()
    r.fill(label("Nights"), "2", select_all=True)
    r.think()
    r.click(role("button", "Next"))
    r.wait(0.5, 0.8)
    r.select(label("Room"), "Family room")
    r.think()
    r.check(role("switch", "Late checkout"))
    r.think()
    r.click(role("button", "Next"))
    r.wait(0.5, 0.8)
    r.check(role("checkbox", "I accept the house rules"))
    r.think()
    r.click(role("button", "Confirm booking"))
    r.wait(1.0, 1.4)


@scenario("heldout-board-rename-move-darkcursor", "board", "/board/",
          "60 fps with a dark pointer. Renames “Dark mode icons” by double-click and Enter, moves it "
          "right, and opens “Offline banner” to set Jonas Berg, closing with ✕.",
          ["60 fps", "dark pointer", "double-click to edit inline", "press Enter", "repeated card buttons (context)",
           "select (popup click)", "icon-only button (aria-label Close)"],
          fps=60, cursor="DMZ-Black")
def heldout_board_rename_move_darkcursor(r):
    r.dblclick(role("heading", "Dark mode icons"))
    r.wait(0.4, 0.7)
    r.fill(role("textbox", "Card title"), "Dark theme icons")
    r.wait(0.2, 0.4)
    r.press("Enter")
    r.think()
    r.click(board_button(r, "Dark theme icons", "Move right"))
    r.think()
    r.click(board_button(r, "Offline banner", "Edit card"))
    r.wait(0.6, 0.9)
    r.select(label("Assignee"), "Jonas Berg")
    r.think()
    r.click(role("button", "Close"))
    r.wait(1.0, 1.4)
