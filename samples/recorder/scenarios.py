"""The recorded scenarios. Each function drives a Recorder `r` like a person would; the recorder
logs the ground-truth actions as it goes. Locators are (page method, *args) tuples or callables of
the page; they are only used to find where things are on screen.

"\\b" inside typed text is a backspace (typo corrections).
"""

class Scenario:
    def __init__(self, name, fn, app, path, description, exercises, screen=(1280, 800), window=None,
                 fps=30, codec="h264", pointer=True, background="#3a6ea5", seed=None, wpm=68):
        self.name, self.fn, self.app, self.path = name, fn, app, path
        self.description, self.exercises = description, exercises
        self.screen, self.window, self.fps, self.codec = screen, window, fps, codec
        self.pointer, self.background = pointer, background
        self.seed = seed if seed is not None else name
        self.wpm = wpm  # typing speed of this scenario's "user"


SCENARIOS: dict = {}


def scenario(name, app, path, description, exercises, **opts):
    def wrap(fn):
        SCENARIOS[name] = Scenario(name, fn, app, path, description, exercises, **opts)
        return fn
    return wrap


def role(r, name, **kw):
    return ("get_by_role", r, {"name": name, "exact": True, **kw})


def label(text):
    return ("get_by_label", text, {"exact": True})


def card_button(r, title, button="Add to cart"):
    return r.page.locator("article").filter(has=r.page.get_by_role("heading", name=title, exact=True)) \
        .get_by_role("button", name=button, exact=True)


def todo_row_button(r, text, button="Delete"):
    return r.page.get_by_role("listitem").filter(has=r.page.get_by_text(text, exact=True)) \
        .get_by_role("button", name=button, exact=True)


def cart_line_button(r, title, button):
    return r.page.locator("#lines li").filter(has=r.page.get_by_text(title, exact=True)) \
        .get_by_role("button", name=button, exact=True)


# ------------------------------------------------------------------------------------------------
# signup: Orbit Conf registration (two pages)
# ------------------------------------------------------------------------------------------------
@scenario("signup-register", "signup", "/signup/",
          "Registers for a conference: four text fields, a country from the select popup, a ticket "
          "radio, scrolls down, ticks the code of conduct and submits; the confirmation page loads.",
          ["fill", "select (popup click)", "radio", "checkbox", "scroll", "navigation to a second page"])
def signup_register(r):
    r.fill(label("First name"), "Ana")
    r.think()
    r.fill(label("Last name"), "Ferreira")
    r.think()
    r.fill(label("Work email"), "ana.ferreira@lumen.pt")
    r.think()
    r.fill(label("Company (optional)"), "Lumen Studio")
    r.think()
    r.select(label("Country"), "Portugal")
    r.think()
    r.check(role("radio", "Workshop pass"))
    r.wait(0.5, 0.9)
    r.scroll(3)
    r.think()
    r.check(role("checkbox", "I agree to the code of conduct"))
    r.think()
    r.click(role("button", "Register"), nav="**/confirm.html")
    r.wait(1.0, 1.6)
    r.wander()


@scenario("signup-typo-1080", "signup", "/signup/",
          "Full HD screen. Types names and an email with typos fixed by backspace, picks the country "
          "with the keyboard inside the open select, ticks and unticks the newsletter box (clicking "
          "its label text), ticks the code of conduct and registers.",
          ["1920x1080", "typo fixed with backspace", "select (keyboard in popup)", "radio",
           "checkbox on and off", "navigation to a second page"],
          screen=(1920, 1080), wpm=74)
def signup_typo_1080(r):
    r.fill(label("First name"), "Jonas")
    r.think()
    r.fill(label("Last name"), "Bekc\b\bcker")
    r.think()
    r.fill(label("Work email"), "jonas.becker@northwnid\b\b\bind.de")
    r.think()
    r.select(label("Country"), "Germany", by_keyboard=True)
    r.think()
    r.check(role("radio", "Student"), on_label=True)
    r.think()
    r.check(role("checkbox", "Email me about future events"), on_label=True)
    r.wait(0.6, 1.2)
    r.check(role("checkbox", "Email me about future events"))
    r.think()
    r.check(role("checkbox", "I agree to the code of conduct"), on_label=True)
    r.think()
    r.click(role("button", "Register"), nav="**/confirm.html")
    r.wait(1.0, 1.6)
    r.wander()


@scenario("signup-validation", "signup", "/signup/",
          "Fills the form but presses Register before agreeing to the code of conduct; reads the "
          "error, ticks the box and registers again.",
          ["fill", "select (popup click)", "scroll", "click that shows an error", "checkbox",
           "navigation to a second page"],
          wpm=62)
def signup_validation(r):
    r.fill(label("First name"), "Priya")
    r.think()
    r.fill(label("Last name"), "Raman")
    r.think()
    r.fill(label("Work email"), "priya@fjordpine.no")
    r.think()
    r.select(label("Country"), "Ireland")
    r.wait(0.5, 1.0)
    r.scroll(4)
    r.think()
    r.click(role("button", "Register"))
    r.wait(1.2, 2.0)  # reads the error
    r.check(role("checkbox", "I agree to the code of conduct"))
    r.think()
    r.click(role("button", "Register"), nav="**/confirm.html")
    r.wait(1.0, 1.5)
    r.wander()


# ------------------------------------------------------------------------------------------------
# todo: Checklist
# ------------------------------------------------------------------------------------------------
NEW_TODO = role("textbox", "New todo")


@scenario("todo-add-items", "todo", "/todo/",
          "Adds three tasks, each submitted with Enter, and ticks one off.",
          ["fill", "press Enter", "checkbox"])
def todo_add_items(r):
    for text in ["Buy oat milk", "Call the dentist about Friday", "Book train tickets to Porto"]:
        r.fill(NEW_TODO, text)
        r.wait(0.2, 0.5)
        r.press("Enter")
        r.wait(0.4, 0.9)
    r.think()
    r.check(role("checkbox", "Call the dentist about Friday"))
    r.wait(0.6, 1.0)
    r.wander()


@scenario("todo-quick-add", "todo", "/todo/",
          "A short clip: adds one task with Enter and ticks it.",
          ["short recording", "fill", "press Enter", "checkbox"],
          wpm=82)
def todo_quick_add(r):
    r.fill(NEW_TODO, "Reply to Hannah")
    r.wait(0.2, 0.4)
    r.press("Enter")
    r.wait(0.5, 0.8)
    r.check(role("checkbox", "Reply to Hannah"))
    r.wait(0.3, 0.6)


@scenario("todo-filter-delete", "todo", "/todo/",
          "VP9 WebM. Adds four tasks with Enter, ticks two, deletes one with its row's Delete button "
          "and switches the Active / Done / All filter tabs.",
          ["vp9 webm", "fill", "press Enter", "checkbox", "repeated Delete buttons (context)", "tabs"],
          codec="vp9", wpm=80)
def todo_filter_delete(r):
    for text in ["Water the plants", "Pay the electricity bill", "Return library books",
                 "Email Sofia the slides"]:
        r.fill(NEW_TODO, text)
        r.wait(0.15, 0.4)
        r.press("Enter")
        r.wait(0.3, 0.6)
    r.think()
    r.check(role("checkbox", "Pay the electricity bill"))
    r.wait(0.3, 0.6)
    r.check(role("checkbox", "Return library books"))
    r.think()
    r.click(todo_row_button(r, "Water the plants"))
    r.think()
    r.click(role("tab", "Active"))
    r.wait(0.8, 1.2)
    r.click(role("tab", "Done"))
    r.wait(0.8, 1.2)
    r.click(role("tab", "All"))
    r.wait(0.5, 0.9)
    r.wander()


@scenario("todo-typo-clear", "todo", "/todo/",
          "60 fps. Adds tasks with typing mistakes corrected by backspace, ticks one and clears "
          "completed tasks.",
          ["60 fps", "typo fixed with backspace", "press Enter", "checkbox", "click"],
          fps=60, wpm=64)
def todo_typo_clear(r):
    r.fill(NEW_TODO, "Pick up dry cleaning")
    r.wait(0.2, 0.4)
    r.press("Enter")
    r.wait(0.4, 0.8)
    r.fill(NEW_TODO, "Schedule car servcie\b\b\bice")
    r.wait(0.2, 0.4)
    r.press("Enter")
    r.wait(0.4, 0.8)
    r.fill(NEW_TODO, "Buy brithday\b\b\b\b\b\b\birthday card for Mum")
    r.wait(0.2, 0.4)
    r.press("Enter")
    r.think()
    r.check(role("checkbox", "Pick up dry cleaning"))
    r.think()
    r.click(role("button", "Clear completed"))
    r.wait(0.6, 1.0)
    r.wander()


# ------------------------------------------------------------------------------------------------
# shop: Kestrel Outdoor (long page, cart drawer, checkout page)
# ------------------------------------------------------------------------------------------------
@scenario("shop-scroll-add-to-cart", "shop", "/shop/",
          "Scrolls a long product page with the wheel, adds two products whose Add to cart buttons "
          "are below the fold (told apart by the card title), scrolls back up and opens the cart "
          "drawer.",
          ["scroll", "click below the fold", "repeated Add to cart buttons (context)", "modal drawer"])
def shop_scroll_add_to_cart(r):
    r.wander()
    r.wait(0.5, 0.9)
    r.scroll(5)
    r.wait(0.8, 1.3)
    r.click(card_button(r, "Beacon Headlamp"))
    r.wait(0.8, 1.2)
    r.scroll(4)
    r.wait(0.6, 1.1)
    r.click(card_button(r, "AquaPure Water Filter"))
    r.wait(0.8, 1.2)
    r.scroll(-10)
    r.think()
    r.click(role("button", "Cart"))
    r.wait(1.2, 1.8)
    r.wander(dx_range=(60, 160), dy_range=(-40, 80))


@scenario("shop-search-checkout", "shop", "/shop/",
          "Searches for a lantern (Enter), scrolls to the result, adds it, opens the cart, goes to "
          "checkout on a second page, fills email and name, picks express delivery and places the "
          "order.",
          ["fill", "press Enter", "scroll", "click below the fold", "modal drawer",
           "navigation to a second page", "select (popup click)"],
          wpm=76)
def shop_search_checkout(r):
    r.fill(role("textbox", "Search"), "lantern")
    r.wait(0.2, 0.4)
    r.press("Enter")
    r.wait(0.8, 1.2)
    r.scroll(3)
    r.think()
    r.click(card_button(r, "Lumen 400 Lantern"))
    r.think()
    r.click(role("button", "Cart"))
    r.wait(0.8, 1.2)
    r.click(role("button", "Checkout"), nav="**/checkout.html")
    r.wait(0.8, 1.2)
    r.fill(label("Email for receipt"), "marta.silva@example.org")
    r.think()
    r.fill(label("Full name"), "Marta Silva")
    r.think()
    r.select(label("Delivery"), "Express (next day)")
    r.think()
    r.click(role("button", "Place order"))
    r.wait(1.0, 1.5)
    r.wander()


@scenario("shop-cart-window", "shop", "/shop/",
          "The browser window does not fill the screen (desktop background around it). Adds two "
          "products, opens the cart, raises one quantity, removes the other line and closes the "
          "drawer.",
          ["window smaller than the screen", "scroll", "repeated buttons (context)", "modal drawer",
           "close button"],
          window=(96, 40, 1088, 720))
def shop_cart_window(r):
    r.scroll(6)
    r.think()
    r.click(card_button(r, "Titanium Trail Mug"))
    r.wait(0.6, 1.0)
    r.click(card_button(r, "Featherlite Air Pad"))
    r.think()
    r.click(role("button", "Cart"))
    r.wait(0.8, 1.2)
    r.click(cart_line_button(r, "Titanium Trail Mug", "Increase quantity"))
    r.think()
    r.click(cart_line_button(r, "Featherlite Air Pad", "Remove"))
    r.think()
    r.click(role("button", "Close"))
    r.wait(0.8, 1.2)
    r.wander()


# ------------------------------------------------------------------------------------------------
# ledger: sign in, dashboard with a user menu, tabs and modals
# ------------------------------------------------------------------------------------------------
def sign_in(r, email, password, submit="enter", remember=False):
    r.fill(label("Email"), email)
    r.think()
    r.fill(label("Password"), password)
    if remember:
        r.think()
        r.check(role("checkbox", "Keep me signed in"))
    r.wait(0.3, 0.7)
    if submit == "enter":
        r.press("Enter", nav="**/dashboard.html")
    else:
        r.click(role("button", "Sign in"), nav="**/dashboard.html")
    r.wait(1.0, 1.5)


@scenario("ledger-login-enter", "ledger", "/ledger/",
          "Signs in with email and password, submitting with Enter; on the dashboard opens the "
          "Invoices tab.",
          ["fill", "password", "press Enter", "navigation to a second page", "tab"])
def ledger_login_enter(r):
    sign_in(r, "daniel.okafor@acme.studio", "plum-Harbor-58")
    r.wander()
    r.click(role("tab", "Invoices"))
    r.wait(1.0, 1.5)


@scenario("ledger-signout-menu", "ledger", "/ledger/",
          "Signs in (password typo fixed with backspace, Keep me signed in ticked, Sign in button), "
          "opens the user menu and signs out, landing back on the sign-in page.",
          ["password with backspace", "checkbox", "navigation", "menu", "menuitem"],
          wpm=70)
def ledger_signout_menu(r):
    sign_in(r, "lena.vogel@acme.studio", "blue-otter-19\b\b42", submit="click", remember=True)
    r.wander()
    r.click(role("button", "Lena Vogel"))
    r.wait(0.7, 1.2)
    r.click(role("menuitem", "Sign out"), nav="**/ledger/")
    r.wait(1.0, 1.5)
    r.wander()


@scenario("ledger-new-invoice-modal", "ledger", "/ledger/",
          "Signs in, opens the New invoice modal, fills client (auto-focused), amount, due date "
          "(select popup) and memo, creates the invoice and lands on the Invoices tab.",
          ["password", "navigation", "modal dialog", "fill in a focused field", "select (popup click)"],
          wpm=88)
def ledger_new_invoice_modal(r):
    sign_in(r, "priya.raman@acme.studio", "correct-horse-42", submit="click")
    r.think()
    r.click(role("button", "New invoice"))
    r.wait(0.6, 1.0)
    r.fill(label("Client"), "Harbour Coffee Co.")
    r.think()
    r.fill(label("Amount (€)"), "1250.00")
    r.think()
    r.select(label("Due"), "In 30 days")
    r.think()
    r.fill(label("Memo"), "Brand refresh")
    r.think()
    r.click(role("button", "Create invoice"))
    r.wait(1.2, 1.8)
    r.wander()


@scenario("ledger-tabs-profile-nopointer", "ledger", "/ledger/",
          "Captured without the mouse pointer (ffmpeg -draw_mouse 0). Signs in with Enter, walks "
          "through the Invoices and Team tabs, opens the user menu, views the Profile modal and "
          "closes it with Done.",
          ["no visible pointer", "password", "press Enter", "tabs", "menu", "modal dialog"],
          pointer=False, wpm=72)
def ledger_tabs_profile_nopointer(r):
    sign_in(r, "tomas.ruiz@acme.studio", "sunset-Quay-81")
    r.click(role("tab", "Invoices"))
    r.wait(1.0, 1.6)
    r.click(role("tab", "Team"))
    r.wait(1.0, 1.6)
    r.click(role("button", "Tomas Ruiz"))
    r.wait(0.6, 1.0)
    r.click(role("menuitem", "Profile"))
    r.wait(1.2, 1.8)
    r.click(role("button", "Done"))
    r.wait(0.8, 1.2)


# ------------------------------------------------------------------------------------------------
# settings: Nimbus (dark settings page: switches, segmented control, slider, accordion, save toast)
# ------------------------------------------------------------------------------------------------
def switch(name):
    return role("switch", name)


@scenario("settings-switches-save", "settings", "/settings/",
          "Dark settings page. Turns the Weekly summary email switch on and Email notifications off "
          "(toggle switches, role=switch), then saves; a toast confirms.",
          ["toggle switch (role=switch) on and off", "dark theme", "save button", "toast"])
def settings_switches_save(r):
    r.wander()
    r.check(switch("Weekly summary email"))
    r.think()
    r.check(switch("Email notifications"))
    r.think()
    r.click(role("button", "Save"))
    r.wait(1.2, 1.8)
    r.wander()


@scenario("settings-profile-theme", "settings", "/settings/",
          "Retypes the prefilled Display name (click, Control+A, type — one fill), picks Light in the "
          "Theme segmented control, saves and dismisses the toast with its icon-only ✕ button.",
          ["fill a prefilled field (select all + retype)", "segmented control (role=radio)", "save",
           "icon-only button (aria-label Dismiss)"],
          wpm=72)
def settings_profile_theme(r):
    r.fill(label("Display name"), "Sam Rivera", select_all=True)
    r.think()
    r.check(role("radio", "Light"))
    r.think()
    r.click(role("button", "Save"))
    r.wait(1.0, 1.5)
    r.click(role("button", "Dismiss"))
    r.wait(0.8, 1.2)
    r.wander()


@scenario("settings-accordion-privacy", "settings", "/settings/",
          "Expands the Privacy section of the accordion, scrolls down a little, turns Show my profile "
          "publicly off and Share usage data on, and saves.",
          ["accordion (aria-expanded)", "scroll", "toggle switches", "save"])
def settings_accordion_privacy(r):
    r.click(role("button", "Privacy"))
    r.wait(0.6, 1.0)
    r.scroll(2)
    r.think()
    r.check(switch("Show my profile publicly"))
    r.think()
    r.check(switch("Share usage data"))
    r.think()
    r.click(role("button", "Save"))
    r.wait(1.2, 1.8)
    r.wander()


@scenario("settings-keyboard-60fps", "settings", "/settings/",
          "60 fps. Picks System in the segmented control, moves focus to the Text size slider with "
          "Tab and sets it with the arrow keys (ArrowRight ×3, ArrowDown ×1: 15 → 17 px), turns Push "
          "notifications on and saves.",
          ["60 fps", "segmented control", "press Tab", "press ArrowRight / ArrowDown on a slider",
           "toggle switch", "save"],
          fps=60)
def settings_keyboard_60fps(r):
    r.check(role("radio", "System"))
    r.wait(0.5, 0.8)
    r.press("Tab")
    r.wait(0.5, 0.9)
    for key in ("ArrowRight", "ArrowRight", "ArrowRight", "ArrowDown"):
        r.press(key)
        r.wait(0.35, 0.7)
    r.think()
    r.check(switch("Push notifications"))
    r.think()
    r.click(role("button", "Save"))
    r.wait(1.2, 1.6)
    r.wander()


@scenario("settings-advanced-1080", "settings", "/settings/",
          "Full HD screen. Collapses Notifications, expands Advanced, turns Developer mode and Beta "
          "features on, retypes the display name and saves.",
          ["1920x1080", "accordion collapse and expand", "toggle switches",
           "fill a prefilled field (select all + retype)", "save"],
          screen=(1920, 1080), wpm=66)
def settings_advanced_1080(r):
    r.click(role("button", "Notifications"))
    r.wait(0.5, 0.9)
    r.click(role("button", "Advanced"))
    r.wait(0.6, 1.0)
    r.check(switch("Developer mode"))
    r.think()
    r.check(switch("Beta features"))
    r.think()
    r.fill(label("Display name"), "Alex M. Morgan", select_all=True)
    r.think()
    r.click(role("button", "Save"))
    r.wait(1.2, 1.8)
    r.wander()


@scenario("settings-discard-24fps", "settings", "/settings/",
          "24 fps. Flips two switches, changes its mind and presses Discard (the switches go back), "
          "then turns Weekly summary email on and saves.",
          ["24 fps", "toggle switches", "discard (state goes back)", "save"],
          fps=24)
def settings_discard_24fps(r):
    r.check(switch("Push notifications"))
    r.think()
    r.check(switch("Email notifications"))
    r.wait(0.8, 1.2)
    r.click(role("button", "Discard"))
    r.wait(0.8, 1.2)
    r.check(switch("Weekly summary email"))
    r.think()
    r.click(role("button", "Save"))
    r.wait(1.2, 1.6)
    r.wander()


# ------------------------------------------------------------------------------------------------
# admin: Quillstone Admin (dense users table: inline edit, hover menus, dialogs, pagination)
# ------------------------------------------------------------------------------------------------
def row_button(r, name, button):
    """The `button` (Edit / More actions / Delete) in the table row whose Name cell is `name`."""
    return r.page.get_by_role("row").filter(has=r.page.get_by_role("cell", name=name, exact=True)) \
        .get_by_role("button", name=button, exact=True)


def cell(text):
    return ("get_by_role", "cell", {"name": text, "exact": True})


@scenario("admin-dblclick-edit", "admin", "/admin/",
          "Dense serif admin table. Double-clicks Bram de Vries's email cell, types a new address "
          "over the selected text and saves with Enter; double-clicks Chloé Martin's name, starts "
          "typing and cancels with Escape.",
          ["double-click a cell to edit inline", "fill in a focused field (text selected)",
           "press Enter", "press Escape cancels", "serif dense table"],
          wpm=74)
def admin_dblclick_edit(r):
    r.wander(dx_range=(-320, -140))  # leftwards: resting on a row's ⋯ would open its menu
    r.dblclick(cell("bram.devries@quillstone.io"))
    r.wait(0.4, 0.7)
    r.fill(role("textbox", "Email"), "bram@quillstone.io")
    r.wait(0.2, 0.4)
    r.press("Enter")
    r.think()
    r.dblclick(cell("Chloé Martin"))
    r.wait(0.4, 0.7)
    r.fill(role("textbox", "Name"), "Chloe M")
    r.wait(0.6, 1.0)
    r.press("Escape")
    r.wait(0.8, 1.2)
    r.wander(dx_range=(-320, -140))  # leftwards: resting on a row's ⋯ would open its menu


@scenario("admin-delete-confirm", "admin", "/admin/",
          "Deletes Farid Haddad with the row's icon-only Delete button (aria-label only) and confirms "
          "in the dialog; then opens the Delete confirmation for Esther Adeyemi and closes it with "
          "Escape.",
          ["icon-only button (aria-label Delete)", "repeated row buttons (context)",
           "confirmation dialog", "press Escape closes a dialog"])
def admin_delete_confirm(r):
    r.click(row_button(r, "Farid Haddad", "Delete"))
    r.wait(0.8, 1.2)
    r.click(role("button", "Delete user"))
    r.think()
    r.click(row_button(r, "Esther Adeyemi", "Delete"))
    r.wait(1.0, 1.5)
    r.press("Escape")
    r.wait(0.8, 1.2)
    r.wander(dx_range=(-320, -140))  # leftwards: resting on a row's ⋯ would open its menu


@scenario("admin-hover-menu", "admin", "/admin/",
          "Rests the pointer on Greta Lindqvist's ⋯ button until its row menu opens and picks "
          "Suspend; then does the same on Hiro Tanaka's row and picks Send password reset.",
          ["hover opens a menu", "menuitem", "repeated row buttons (context)"])
def admin_hover_menu(r):
    r.wander(dx_range=(-320, -140))  # leftwards: resting on a row's ⋯ would open its menu
    r.hover(row_button(r, "Greta Lindqvist", "More actions"), opens=role("menuitem", "Suspend"))
    r.click(role("menuitem", "Suspend"))
    r.think()
    r.hover(row_button(r, "Hiro Tanaka", "More actions"), opens=role("menuitem", "Send password reset"))
    r.click(role("menuitem", "Send password reset"))
    r.wait(1.0, 1.5)
    r.wander(dx_range=(-320, -140))  # leftwards: resting on a row's ⋯ would open its menu


@scenario("admin-pagination-edit", "admin", "/admin/",
          "Goes to the next page, opens Kasia Nowak's Edit dialog (identical Edit buttons per row), "
          "retypes the selected full name, Tabs to the email and retypes it, picks Admin in the Role "
          "select and saves; then jumps to page 3.",
          ["pagination (Next, page number)", "repeated Edit buttons (context)", "modal dialog",
           "fill in a focused field (text selected)", "press Tab", "select (popup click)"],
          wpm=78)
def admin_pagination_edit(r):
    r.click(role("button", "Next"))
    r.think()
    r.click(row_button(r, "Kasia Nowak", "Edit"))
    r.wait(0.6, 1.0)
    r.fill(label("Full name"), "Katarzyna Nowak")
    r.wait(0.3, 0.6)
    r.press("Tab")
    r.wait(0.3, 0.6)
    r.fill(label("Email address"), "k.nowak@quillstone.io")
    r.think()
    r.select(label("Role"), "Admin")
    r.think()
    r.click(role("button", "Save user"))
    r.think()
    r.click(role("button", "Page 3"))
    r.wait(1.0, 1.5)
    r.wander(dx_range=(-320, -140))  # leftwards: resting on a row's ⋯ would open its menu


@scenario("admin-search-delete-vp9", "admin", "/admin/",
          "VP9 WebM. Types “ha” in the search box (the table filters as you type to three rows), "
          "deletes Viktor Hale with the icon-only Delete button and confirms, then opens Wen Zhao's "
          "row menu by hovering and picks Make admin.",
          ["vp9 webm", "fill (live filter)", "icon-only button (aria-label Delete)",
           "repeated row buttons (context)", "confirmation dialog", "hover opens a menu", "menuitem"],
          codec="vp9")
def admin_search_delete_vp9(r):
    r.fill(role("searchbox", "Search users"), "ha")
    r.wait(0.8, 1.2)
    r.click(row_button(r, "Viktor Hale", "Delete"))
    r.wait(0.8, 1.2)
    r.click(role("button", "Delete user"))
    r.think()
    r.hover(row_button(r, "Wen Zhao", "More actions"), opens=role("menuitem", "Make admin"))
    r.click(role("menuitem", "Make admin"))
    r.wait(1.0, 1.5)
    r.wander(dx_range=(-320, -140))  # leftwards: resting on a row's ⋯ would open its menu


@scenario("admin-window-escape", "admin", "/admin/",
          "The browser window does not fill the screen. Jumps to page 3, double-clicks Tove Aalto's "
          "name and renames her with Enter, opens Uma Krishnan's Edit dialog and closes it with "
          "Escape, then goes back with Prev.",
          ["window smaller than the screen", "pagination", "double-click a cell to edit inline",
           "press Enter", "modal dialog", "press Escape closes a dialog"],
          window=(80, 36, 1120, 740), wpm=70)
def admin_window_escape(r):
    r.click(role("button", "Page 3"))
    r.think()
    r.dblclick(cell("Tove Aalto"))
    r.wait(0.4, 0.7)
    r.fill(role("textbox", "Name"), "Tove Aalto-Berg")
    r.wait(0.2, 0.4)
    r.press("Enter")
    r.think()
    r.click(row_button(r, "Uma Krishnan", "Edit"))
    r.wait(1.0, 1.4)
    r.press("Escape")
    r.think()
    r.click(role("button", "Prev"))
    r.wait(1.0, 1.4)
    r.wander(dx_range=(-320, -140))  # leftwards: resting on a row's ⋯ would open its menu
