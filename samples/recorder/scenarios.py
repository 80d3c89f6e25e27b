"""The recorded scenarios. Each function drives a Recorder `r` like a person would; the recorder
logs the ground-truth actions as it goes. Locators are (page method, *args) tuples or callables of
the page; they are only used to find where things are on screen.

"\\b" inside typed text is a backspace (typo corrections).
"""

class Scenario:
    def __init__(self, name, fn, app, path, description, exercises, screen=(1280, 800), window=None,
                 fps=30, codec="h264", pointer=True, background="#3a6ea5", seed=None, wpm=68,
                 scale=1, cursor=None, app_mode=False, preroll=None, browser="chromium"):
        self.name, self.fn, self.app, self.path = name, fn, app, path
        self.description, self.exercises = description, exercises
        self.screen, self.window, self.fps, self.codec = screen, window, fps, codec
        self.pointer, self.background = pointer, background
        self.seed = seed if seed is not None else name
        self.wpm = wpm  # typing speed of this scenario's "user"
        self.scale = scale        # device scale factor (--force-device-scale-factor): 1, 1.25, 2
        self.cursor = cursor      # X cursor theme (e.g. "DMZ-Black" from dmz-cursor-theme), None = X's default
        self.app_mode = app_mode  # Chromium --app=URL: a window without tab strip or address bar
        self.preroll = preroll    # fn(r) run before the capture starts (the recording starts mid-session);
                                  # it must not change the app's reported state (the truth replays from startURL)
        self.browser = browser    # the captured browser: "chromium" or "firefox" (Firefox ESR, see firefox.py)


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


# ------------------------------------------------------------------------------------------------
# Session 5: four more apps in styles of their own, and other captures (recorded on port 8850:
# their truths name http://127.0.0.1:8850). DMZ-Black is Debian's dmz-cursor-theme (a dark pointer).
# ------------------------------------------------------------------------------------------------
def contact_button(r, name, button):
    return r.page.get_by_role("listitem").filter(has=r.page.get_by_text(name, exact=True)) \
        .get_by_role("button", name=button, exact=True)


def board_button(r, title, button):
    return r.page.locator("li.card").filter(has=r.page.get_by_role("heading", name=title, exact=True)) \
        .get_by_role("button", name=button, exact=True)


def column_button(r, column, button="Add card"):
    return r.page.locator("section.col").filter(has=r.page.get_by_role("heading", name=column, exact=True)) \
        .get_by_role("button", name=button, exact=True)


def docs_section_button(r, section_id, button):
    return r.page.locator("#" + section_id).get_by_role("button", name=button, exact=True)


# contacts: Pebble Contacts, material-like ----------------------------------------------------------
@scenario("contacts-add-favourite", "contacts", "/contacts/",
          "Rests the pointer on the round + button until its tooltip shows, opens the New contact "
          "dialog (Name has focus), types a name, Tabs to Phone and types it, clicks Email and types "
          "it, turns on Add to favourites and saves.",
          ["hover opens a tooltip", "icon-only button (aria-label Add contact)", "modal dialog",
           "fill in an auto-focused field", "press Tab", "floating labels", "toggle switch", "save"])
def contacts_add_favourite(r):
    r.hover(role("button", "Add contact"), opens=role("tooltip", "New contact"))
    r.click(role("button", "Add contact"))
    r.wait(0.5, 0.8)
    r.fill(role("textbox", "Name"), "Kofi Mensah")
    r.wait(0.2, 0.4)
    r.press("Tab")
    r.fill(role("textbox", "Phone"), "+233 30 555 0190")
    r.think()
    r.fill(role("textbox", "Email"), "kofi@mensah.gh")
    r.think()
    r.check(role("switch", "Add to favourites"))
    r.think()
    r.click(role("button", "Save"))
    r.wait(1.0, 1.4)


@scenario("contacts-remove-undo-125", "contacts", "/contacts/",
          "Device scale 1.25. Removes Chen Wei with his row's icon-only ✕ (identical per row), takes "
          "it back with the snackbar's Undo, removes Farid Haddad for good, stars Elif Demir and "
          "opens the Favourites tab.",
          ["device scale 1.25", "icon-only button (aria-label Remove)", "repeated row buttons (context)",
           "snackbar Undo", "toggle button (aria-pressed)", "tabs"],
          screen=(1600, 1000), scale=1.25)
def contacts_remove_undo_125(r):
    r.click(contact_button(r, "Chen Wei", "Remove"))
    r.wait(0.6, 1.0)
    r.click(role("button", "Undo"))
    r.think()
    r.click(contact_button(r, "Farid Haddad", "Remove"))
    r.think()
    r.click(contact_button(r, "Elif Demir", "Favourite"))
    r.think()
    r.click(role("tab", "Favourites"))
    r.wait(1.0, 1.4)


@scenario("contacts-search-escape-darkcursor", "contacts", "/contacts/",
          "Dark OS pointer (DMZ-Black). Searches for “da” (the list filters as you type), un-stars "
          "Dana Whitfield, opens the New contact dialog and closes it again with Escape.",
          ["dark pointer", "fill (live filter)", "toggle button (aria-pressed)", "repeated row buttons (context)",
           "icon-only button (aria-label Add contact)", "press Escape closes a dialog"],
          cursor="DMZ-Black")
def contacts_search_escape_darkcursor(r):
    r.fill(role("searchbox", "Search contacts"), "da")
    r.wait(0.6, 1.0)
    r.click(contact_button(r, "Dana Whitfield", "Favourite"))
    r.think()
    r.click(role("button", "Add contact"))
    r.wait(0.8, 1.2)
    r.press("Escape")
    r.wait(1.0, 1.4)


@scenario("contacts-validation-60fps", "contacts", "/contacts/",
          "60 fps. Opens the New contact dialog, saves it empty (A name is required shows), types a "
          "name and an email and saves.",
          ["60 fps", "validation message", "fill in an auto-focused field", "fill", "save"],
          fps=60)
def contacts_validation_60fps(r):
    r.click(role("button", "Add contact"))
    r.wait(0.5, 0.8)
    r.click(role("button", "Save"))
    r.wait(0.6, 0.9)
    r.fill(role("textbox", "Name"), "Lena Vogel")
    r.think()
    r.fill(role("textbox", "Email"), "lena.vogel@web.de")
    r.think()
    r.click(role("button", "Save"))
    r.wait(1.0, 1.4)


@scenario("contacts-hidpi2x-1080", "contacts", "/contacts/",
          "HiDPI: device scale 2 on a 1920×1080 screen (a 960×540 CSS-pixel window). Stars Bruno "
          "Salgado and Chen Wei, switches to Favourites, removes Amara Okafor there and goes back to All.",
          ["device scale 2", "toggle button (aria-pressed)", "repeated row buttons (context)",
           "tabs", "icon-only button (aria-label Remove)"],
          screen=(1920, 1080), scale=2)
def contacts_hidpi2x_1080(r):
    r.click(contact_button(r, "Bruno Salgado", "Favourite"))
    r.think()
    r.click(contact_button(r, "Chen Wei", "Favourite"))
    r.think()
    r.click(role("tab", "Favourites"))
    r.think()
    r.click(contact_button(r, "Amara Okafor", "Remove"))
    r.think()
    r.click(role("tab", "All"))
    r.wait(1.0, 1.4)


@scenario("contacts-retype-search-24fps", "contacts", "/contacts/",
          "24 fps, a window smaller than the screen. Searches “ine”, selects all with Control+A and "
          "types “holm” instead, stars Greta Holm, then clears the search the same way and types “e”.",
          ["24 fps", "window smaller than the screen", "fill (live filter)", "Control+A then typing",
           "toggle button (aria-pressed)"],
          fps=24, window=(64, 30, 1150, 740), background="#2e4a3a")
def contacts_retype_search_24fps(r):
    r.fill(role("searchbox", "Search contacts"), "ine")
    r.think()
    r.fill(role("searchbox", "Search contacts"), "holm", select_all=True)
    r.think()
    r.click(contact_button(r, "Greta Holm", "Favourite"))
    r.think()
    r.fill(role("searchbox", "Search contacts"), "e", select_all=True)
    r.wait(1.0, 1.4)


# docs: Lattice Docs, condensed face ----------------------------------------------------------------
@scenario("docs-search-arrows", "docs", "/docs/",
          "Types “cach” in the docs search, moves through the results with ArrowDown twice and ArrowUp "
          "once and opens the highlighted one (Caching) with Enter (the page jumps to its section), scrolls a little and answers that "
          "section's Was this helpful? with Yes (identical Yes buttons per section).",
          ["fill (combobox)", "press ArrowDown / ArrowUp in a list", "press Enter", "in-page anchor navigation",
           "repeated buttons (context)"])
def docs_search_arrows(r):
    r.fill(role("combobox", "Search docs"), "cach")
    r.wait(0.5, 0.8)
    r.press("ArrowDown")
    r.wait(0.3, 0.5)
    r.press("ArrowUp")
    r.wait(0.3, 0.6)
    r.press("Enter")
    r.wait(0.8, 1.2)
    r.scroll(2)
    r.think()
    r.click(docs_section_button(r, "caching", "Yes"))
    r.wait(1.0, 1.4)


@scenario("docs-sidebar-copy", "docs", "/docs/",
          "Jumps to Deployment from the sidebar, copies its code with the icon-only copy button "
          "(one per section), says No to Was this helpful?, then jumps to Routing and copies there.",
          ["sidebar link (anchor)", "icon-only button (aria-label Copy code)", "repeated buttons (context)"])
def docs_sidebar_copy(r):
    r.click(role("link", "Deployment"))
    r.think()
    r.click(docs_section_button(r, "deployment", "Copy code"))
    r.think()
    r.click(docs_section_button(r, "deployment", "No"))
    r.think()
    r.click(role("link", "Routing"))
    r.think()
    r.click(docs_section_button(r, "routing", "Copy code"))
    r.wait(1.0, 1.4)


@scenario("docs-version-hover", "docs", "/docs/",
          "Rests the pointer on the version button until its menu opens and picks v3.1, turns on "
          "Dark mode, then opens the version menu the same way and picks v2.9.",
          ["hover opens a menu", "menuitem", "toggle switch"])
def docs_version_hover(r):
    r.hover(role("button", "v3.2"), opens=role("menuitem", "v3.1"))
    r.click(role("menuitem", "v3.1"))
    r.think()
    r.check(role("switch", "Dark mode"))
    r.think()
    r.hover(role("button", "v3.1"), opens=role("menuitem", "v2.9"))
    r.click(role("menuitem", "v2.9"))
    r.wait(1.0, 1.4)
    r.wander(dx_range=(-300, -150), dy_range=(120, 240))


def _docs_preroll(r):
    r.scroll(6)
    r.wait(0.3, 0.5)


@scenario("docs-midsession-noaddressbar", "docs", "/docs/",
          "Starts mid-session in a window without tab strip or address bar (Chromium --app): the "
          "page is already scrolled down when the recording begins. Scrolls further, copies the "
          "Routing code, says Yes, and turns on Dark mode.",
          ["no address bar", "starts mid-session (already scrolled)", "scroll", "icon-only button (aria-label Copy code)",
           "repeated buttons (context)", "toggle switch"],
          app_mode=True, preroll=_docs_preroll)
def docs_midsession_noaddressbar(r):
    r.scroll(3)
    r.think()
    r.click(docs_section_button(r, "routing", "Copy code"))
    r.think()
    r.click(docs_section_button(r, "routing", "Yes"))
    r.think()
    r.check(role("switch", "Dark mode"))
    r.wait(1.0, 1.4)


@scenario("docs-search-escape-1440", "docs", "/docs/",
          "A 2560×1440 screen at scale 1. Types “deploy” in the search, closes the results with "
          "Escape, selects all with Control+A, types “middleware” and opens the first result with Enter.",
          ["2560x1440 screen", "fill (combobox)", "press Escape closes a list", "Control+A then typing",
           "press Enter", "in-page anchor navigation"],
          screen=(2560, 1440))
def docs_search_escape_1440(r):
    r.fill(role("combobox", "Search docs"), "deploy")
    r.wait(0.6, 0.9)
    r.press("Escape")
    r.think()
    r.fill(role("combobox", "Search docs"), "middleware", select_all=True)
    r.wait(0.5, 0.8)
    r.press("Enter")
    r.wait(1.0, 1.4)


@scenario("docs-scroll-feedback-vp9", "docs", "/docs/",
          "VP9 WebM. Wheels down the long page, answers Yes on Configuration and No on Routing "
          "(identical buttons per section), wheels back up and picks Installation in the sidebar.",
          ["vp9 webm", "scroll", "repeated buttons (context)", "sidebar link (anchor)"],
          codec="vp9")
def docs_scroll_feedback_vp9(r):
    r.scroll(7)
    r.think()
    r.click(docs_section_button(r, "configuration", "Yes"))
    r.think()
    r.scroll(4)
    r.think()
    r.click(docs_section_button(r, "routing", "No"))
    r.think()
    r.click(role("link", "Installation"))
    r.wait(1.0, 1.4)


# wizard: Harbor Stays booking ----------------------------------------------------------------------
def wizard_guest(r, name, email, tab=True):
    r.fill(label("Full name"), name)
    r.wait(0.2, 0.4)
    if tab:
        r.press("Tab")
        r.fill(label("Email"), email)
    else:
        r.think()
        r.fill(label("Email"), email)
    r.think()
    r.click(role("button", "Next"))
    r.wait(0.5, 0.8)


def wizard_confirm(r):
    """The last two wizard steps: Next from the extras, then the house rules accepted and the booking confirmed."""
    r.click(role("button", "Next"))
    r.wait(0.6, 0.9)
    r.check(role("checkbox", "I accept the house rules"))
    r.think()
    r.click(role("button", "Confirm booking"))
    r.wait(1.0, 1.4)


@scenario("wizard-full-booking", "wizard", "/wizard/",
          "Books a room end to end: name, Tab, email, Next; types the check-in date into the focused "
          "date field, retypes Nights with Control+A, Tabs to Guests and raises it with ArrowUp; Next; "
          "picks a room, ticks breakfast, turns on Late checkout; Next; accepts the rules and confirms.",
          ["fill", "press Tab", "date input", "number input", "Control+A then typing", "press ArrowUp",
           "select (popup click)", "checkbox", "toggle switch", "multi-step form"], wpm=74)
def wizard_full_booking(r):
    wizard_guest(r, "Maria Santos", "maria.santos@correo.es")
    r.fill(label("Check-in date"), "06142027", expect="2027-06-14")
    r.think()
    r.fill(label("Nights"), "3", select_all=True)
    r.wait(0.2, 0.4)
    r.press("Tab")
    r.wait(0.2, 0.4)
    r.press("ArrowUp")
    r.think()
    r.click(role("button", "Next"))
    r.wait(0.5, 0.8)
    r.select(label("Room"), "Loft suite")
    r.think()
    r.check(role("checkbox", "Breakfast included"))
    r.think()
    r.check(role("switch", "Late checkout"))
    r.think()
    wizard_confirm(r)


@scenario("wizard-validation", "wizard", "/wizard/",
          "Inline validation: Next on the empty first step (both errors show), types a name and a "
          "broken email, Next (the email error stays), retypes the email with Control+A, Next; on the "
          "dates step types 9 guests (an error), retypes 4 and goes on with a date.",
          ["inline validation", "fill", "Control+A then typing", "date input", "number input", "multi-step form"])
def wizard_validation(r):
    r.click(role("button", "Next"))
    r.wait(0.6, 0.9)
    r.fill(label("Full name"), "Jonas Lund")
    r.think()
    r.fill(label("Email"), "jonas.lund@")
    r.think()
    r.click(role("button", "Next"))
    r.wait(0.6, 0.9)
    r.fill(label("Email"), "jonas@lund.se", select_all=True)
    r.think()
    r.click(role("button", "Next"))
    r.wait(0.5, 0.8)
    r.fill(label("Check-in date"), "09012027", expect="2027-09-01")
    r.think()
    r.fill(label("Guests"), "9", select_all=True)
    r.think()
    r.click(role("button", "Next"))
    r.wait(0.6, 0.9)
    r.fill(label("Guests"), "4", select_all=True)
    r.think()
    r.click(role("button", "Next"))
    r.wait(1.0, 1.4)


@scenario("wizard-back-next-125", "wizard", "/wizard/",
          "Device scale 1.25. Fills the guest step, goes to the dates, goes Back, adds a phone "
          "number, then forward twice (a date in between) and turns on Late checkout.",
          ["device scale 1.25", "fill", "back / next", "date input", "toggle switch", "multi-step form"],
          screen=(1600, 1000), scale=1.25)
def wizard_back_next_125(r):
    wizard_guest(r, "Aiko Tanaka", "aiko@tanaka.jp", tab=False)
    r.click(role("button", "Back"))
    r.think()
    r.fill(label("Phone (optional)"), "+81 3 5555 0142")
    r.think()
    r.click(role("button", "Next"))
    r.wait(0.5, 0.8)
    r.fill(label("Check-in date"), "12202027", expect="2027-12-20")
    r.think()
    r.click(role("button", "Next"))
    r.wait(0.5, 0.8)
    r.check(role("switch", "Late checkout"))
    r.wait(1.0, 1.4)


@scenario("wizard-darkcursor-60fps", "wizard", "/wizard/",
          "60 fps with a dark pointer. The guest step with Tab between fields, a date, Next, and "
          "breakfast ticked on the extras step.",
          ["60 fps", "dark pointer", "press Tab", "date input", "checkbox", "multi-step form"],
          fps=60, cursor="DMZ-Black")
def wizard_darkcursor_60fps(r):
    wizard_guest(r, "Sofia Rossi", "sofia.rossi@posta.it")
    r.fill(label("Check-in date"), "07302027", expect="2027-07-30")
    r.think()
    r.click(role("button", "Next"))
    r.wait(0.5, 0.8)
    r.check(role("checkbox", "Breakfast included"))
    r.wait(1.0, 1.4)


@scenario("wizard-window-24fps", "wizard", "/wizard/",
          "24 fps, a window smaller than the screen on a dark desktop. Guest step, a date, Nights "
          "retyped with Control+A, Next, Back, Next.",
          ["24 fps", "window smaller than the screen", "date input", "Control+A then typing", "back / next"],
          fps=24, window=(90, 40, 1100, 740), background="#30343f")
def wizard_window_24fps(r):
    wizard_guest(r, "Liam O'Brien", "liam@obrien.ie", tab=False)
    r.fill(label("Check-in date"), "03172027", expect="2027-03-17")
    r.think()
    r.fill(label("Nights"), "5", select_all=True)
    r.think()
    r.click(role("button", "Next"))
    r.wait(0.5, 0.8)
    r.click(role("button", "Back"))
    r.think()
    r.click(role("button", "Next"))
    r.wait(1.0, 1.4)


# board: Sprintboard kanban, large base font ----------------------------------------------------------
@scenario("board-dblclick-rename", "board", "/board/",
          "Double-clicks the title of “Offline banner” (it becomes a field with its text selected), "
          "types a new title and presses Enter; double-clicks “Release notes”, types and cancels "
          "with Escape.",
          ["double-click to edit inline", "fill in a focused field (text selected)", "press Enter",
           "press Escape cancels"])
def board_dblclick_rename(r):
    r.dblclick(role("heading", "Offline banner"))
    r.wait(0.4, 0.7)
    r.fill(role("textbox", "Card title"), "Offline mode banner")
    r.wait(0.2, 0.4)
    r.press("Enter")
    r.think()
    r.dblclick(role("heading", "Release notes"))
    r.wait(0.4, 0.7)
    r.fill(role("textbox", "Card title"), "Notes")
    r.wait(0.3, 0.5)
    r.press("Escape")
    r.wait(1.0, 1.4)


@scenario("board-move-cards", "board", "/board/",
          "Moves “Login screen polish” right twice (identical → buttons on every card) and "
          "“Analytics events” back left.",
          ["icon-only button (aria-label Move right / Move left)", "repeated card buttons (context)"])
def board_move_cards(r):
    r.click(board_button(r, "Login screen polish", "Move right"))
    r.think()
    r.click(board_button(r, "Login screen polish", "Move right"))
    r.think()
    r.click(board_button(r, "Analytics events", "Move left"))
    r.wait(1.0, 1.4)


@scenario("board-dialog-escape", "board", "/board/",
          "Opens “Release notes” with its ✎ button, picks an assignee in the select popup, retypes "
          "the story points with Control+A, turns on Blocked and closes the dialog with Escape.",
          ["icon-only button (aria-label Edit card)", "repeated card buttons (context)", "modal dialog",
           "select (popup click)", "Control+A then typing", "toggle switch", "press Escape closes a dialog"])
def board_dialog_escape(r):
    r.click(board_button(r, "Release notes", "Edit card"))
    r.wait(0.6, 0.9)
    r.select(label("Assignee"), "Theo Brandt")
    r.think()
    r.fill(label("Story points"), "2", select_all=True)
    r.think()
    r.check(role("switch", "Blocked"))
    r.think()
    r.press("Escape")
    r.wait(1.0, 1.4)


@scenario("board-hover-delete", "board", "/board/",
          "Rests the pointer on “Push opt-in copy” until the card's delete button shows and deletes "
          "the card with it; then adds a card to Done with its + Add card button and Enter.",
          ["hover shows a button", "icon-only button (aria-label Delete card)", "repeated buttons (context)",
           "fill in an auto-focused field", "press Enter"])
def board_hover_delete(r):
    r.hover(role("heading", "Push opt-in copy"), opens=board_button(r, "Push opt-in copy", "Delete card"))
    r.click(board_button(r, "Push opt-in copy", "Delete card"))
    r.think()
    r.click(column_button(r, "Done"))
    r.wait(0.4, 0.7)
    r.fill(role("textbox", "New card title"), "Beta feedback triage")
    r.wait(0.2, 0.4)
    r.press("Enter")
    r.wait(1.0, 1.4)


@scenario("board-add-cards-window-vp9", "board", "/board/",
          "VP9 WebM, a window smaller than the screen. Adds a card to To do with Enter, starts one "
          "in In progress and abandons it with Escape, then moves the new card right.",
          ["vp9 webm", "window smaller than the screen", "repeated buttons (context)", "fill", "press Enter",
           "press Escape cancels", "icon-only button (aria-label Move right)"],
          codec="vp9", window=(40, 24, 1200, 760), background="#5b4b6b")
def board_add_cards_window_vp9(r):
    r.click(column_button(r, "To do"))
    r.wait(0.4, 0.7)
    r.fill(role("textbox", "New card title"), "Tablet layout")
    r.wait(0.2, 0.4)
    r.press("Enter")
    r.think()
    r.click(column_button(r, "In progress"))
    r.wait(0.4, 0.7)
    r.fill(role("textbox", "New card title"), "Spike")
    r.wait(0.3, 0.5)
    r.press("Escape")
    r.think()
    r.click(board_button(r, "Tablet layout", "Move right"))
    r.wait(1.0, 1.4)


@scenario("board-close-button-125-darkcursor", "board", "/board/",
          "Device scale 1.25 with a dark pointer. Opens “Crash on rotate”, turns on Blocked, closes "
          "with the icon-only ✕ (aria-label Close), then moves the card right.",
          ["device scale 1.25", "dark pointer", "icon-only button (aria-label Edit card / Close)",
           "repeated card buttons (context)", "toggle switch", "modal dialog"],
          screen=(1600, 1000), scale=1.25, cursor="DMZ-Black")
def board_close_button_125_darkcursor(r):
    r.click(board_button(r, "Crash on rotate", "Edit card"))
    r.wait(0.6, 0.9)
    r.check(role("switch", "Blocked"))
    r.think()
    r.click(role("button", "Close"))
    r.think()
    r.click(board_button(r, "Crash on rotate", "Move right"))
    r.wait(1.0, 1.4)


@scenario("board-hidpi2x-1080", "board", "/board/",
          "HiDPI: device scale 2 on a 1920×1080 screen (a 960×540 CSS-pixel window). Renames “Sync "
          "retry backoff” by double-click and Enter, opens “Dark mode icons”, picks Priya Nair and "
          "closes with Escape.",
          ["device scale 2", "double-click to edit inline", "press Enter",
           "select (popup click)", "press Escape closes a dialog"],
          screen=(1920, 1080), scale=2)
def board_hidpi2x_1080(r):
    r.dblclick(role("heading", "Sync retry backoff"))
    r.wait(0.4, 0.7)
    r.fill(role("textbox", "Card title"), "Sync retry with backoff")
    r.wait(0.2, 0.4)
    r.press("Enter")
    r.think()
    r.click(board_button(r, "Dark mode icons", "Edit card"))
    r.wait(0.6, 0.9)
    r.select(label("Assignee"), "Priya Nair")
    r.think()
    r.press("Escape")
    r.wait(1.0, 1.4)


@scenario("docs-dark-option-125", "docs", "/docs/",
          "Device scale 1.25. Turns on Dark mode, types “proxy” in the search and clicks the result "
          "in the list with the pointer, then says Yes on that section.",
          ["device scale 1.25", "toggle switch", "dark page", "fill (combobox)", "option clicked in a list",
           "in-page anchor navigation", "repeated buttons (context)"],
          screen=(1600, 1000), scale=1.25)
def docs_dark_option_125(r):
    r.check(role("switch", "Dark mode"))
    r.think()
    r.fill(role("combobox", "Search docs"), "proxy")
    r.wait(0.5, 0.8)
    r.click(role("option", "Deployment"))
    r.wait(0.8, 1.2)
    r.click(docs_section_button(r, "deployment", "Yes"))
    r.wait(1.0, 1.4)


@scenario("board-dialog-keyboard", "board", "/board/",
          "Opens “Sync retry backoff” with its ✎ button and works the dialog from the keyboard: Tab "
          "from Assignee to Story points (Tab selects the number), types 5, Tab to Blocked, Space "
          "turns it on, Escape closes.",
          ["repeated card buttons (context)", "modal dialog", "press Tab", "fill in a focused field (text selected)",
           "press Space on a switch", "press Escape closes a dialog"])
def board_dialog_keyboard(r):
    r.click(board_button(r, "Sync retry backoff", "Edit card"))
    r.wait(0.6, 0.9)
    r.press("Tab")
    r.wait(0.3, 0.5)
    # Tab into a number field selects its text (the recorder cannot read a number field's selection)
    r.fill(label("Story points"), "5", expect="5")
    r.wait(0.3, 0.5)
    r.press("Tab")
    r.wait(0.3, 0.5)
    r.press("Space")
    r.think()
    r.press("Escape")
    r.wait(1.0, 1.4)


@scenario("wizard-keyboard-enter", "wizard", "/wizard/",
          "The guest step from the keyboard: name, Tab, email, Tab, phone, Tab to Next and Enter "
          "presses it; on the dates step the check-in date typed into the focused field.",
          ["press Tab", "press Enter on a button", "date input", "multi-step form"])
def wizard_keyboard_enter(r):
    r.fill(label("Full name"), "Nadia Petrova")
    r.wait(0.2, 0.4)
    r.press("Tab")
    r.fill(label("Email"), "nadia.petrova@mail.bg")
    r.wait(0.2, 0.4)
    r.press("Tab")
    r.fill(label("Phone (optional)"), "+359 2 555 0127")
    r.wait(0.2, 0.4)
    r.press("Tab")
    r.wait(0.3, 0.5)
    r.press("Enter")
    r.wait(0.5, 0.8)
    r.fill(label("Check-in date"), "05092027", expect="2027-05-09")
    r.wait(1.0, 1.4)


@scenario("docs-tab-space", "docs", "/docs/",
          "Keyboard focus: clicks into the search box, Tab moves to the version button, Tab again to "
          "the Dark mode switch and Space turns it on; then FAQ from the sidebar and its copy button.",
          ["press Tab moves focus", "press Space on a switch", "sidebar link (anchor)",
           "icon-only button (aria-label Copy code)"])
def docs_tab_space(r):
    r.click(role("combobox", "Search docs"))
    r.wait(0.3, 0.6)
    r.press("Tab")
    r.wait(0.4, 0.7)
    r.press("Tab")
    r.wait(0.4, 0.7)
    r.press("Space")
    r.think()
    r.click(role("link", "FAQ"))
    r.think()
    r.click(docs_section_button(r, "faq", "Copy code"))
    r.wait(1.0, 1.4)


@scenario("contacts-tabs-star", "contacts", "/contacts/",
          "Opens the Favourites tab (the indicator slides), goes back to All, searches “chen” and "
          "stars Chen Wei with the row's icon-only ☆.",
          ["tabs (animated indicator)", "fill (live filter)", "toggle button (aria-pressed)"])
def contacts_tabs_star(r):
    r.click(role("tab", "Favourites"))
    r.think()
    r.click(role("tab", "All"))
    r.think()
    r.fill(role("searchbox", "Search contacts"), "chen")
    r.wait(0.5, 0.8)
    r.click(contact_button(r, "Chen Wei", "Favourite"))
    r.wait(1.0, 1.4)


@scenario("board-add-escape-move", "board", "/board/",
          "Starts a card in Done and abandons it with Escape, then moves “Dark mode icons” right with "
          "its icon-only → button.",
          ["repeated buttons (context)", "press Escape cancels", "icon-only button (aria-label Move right)"])
def board_add_escape_move(r):
    r.click(column_button(r, "Done"))
    r.wait(0.4, 0.7)
    r.fill(role("textbox", "New card title"), "Later")
    r.wait(0.3, 0.5)
    r.press("Escape")
    r.think()
    r.click(board_button(r, "Dark mode icons", "Move right"))
    r.wait(1.0, 1.4)


@scenario("docs-copy-feedback", "docs", "/docs/",
          "Copies the Introduction's code with its icon-only button and answers Yes, then jumps to "
          "Middleware from the sidebar and answers No there.",
          ["icon-only button (aria-label Copy code)", "repeated buttons (context)", "sidebar link (anchor)"])
def docs_copy_feedback(r):
    r.click(docs_section_button(r, "introduction", "Copy code"))
    r.think()
    r.click(docs_section_button(r, "introduction", "Yes"))
    r.think()
    r.click(role("link", "Middleware"))
    r.think()
    r.click(docs_section_button(r, "middleware", "No"))
    r.wait(1.0, 1.4)


@scenario("contacts-remove-two", "contacts", "/contacts/",
          "Removes Greta Holm with her row's ✕, takes it back with Undo, then removes Bruno Salgado.",
          ["icon-only button (aria-label Remove)", "repeated row buttons (context)", "snackbar Undo"])
def contacts_remove_two(r):
    r.click(contact_button(r, "Greta Holm", "Remove"))
    r.wait(0.6, 1.0)
    r.click(role("button", "Undo"))
    r.think()
    r.click(contact_button(r, "Bruno Salgado", "Remove"))
    r.wait(1.0, 1.4)


@scenario("wizard-next-back", "wizard", "/wizard/",
          "Types a name and an email (clicking each field), goes to the dates step with Next and back "
          "with Back.",
          ["fill", "multi-step form", "back / next"])
def wizard_next_back(r):
    r.fill(label("Full name"), "Ilse Berg")
    r.think()
    r.fill(label("Email"), "ilse@berg.nl")
    r.think()
    r.click(role("button", "Next"))
    r.wait(0.6, 1.0)
    r.click(role("button", "Back"))
    r.wait(1.0, 1.4)



@scenario("docs-dark-copy", "docs", "/docs/",
          "Turns Dark mode on, copies the Introduction's code with its icon-only button, answers No, "
          "and turns Dark mode off again.",
          ["toggle switch on and off", "dark page", "icon-only button (aria-label Copy code)",
           "repeated buttons (context)"])
def docs_dark_copy(r):
    r.check(role("switch", "Dark mode"))
    r.think()
    r.click(docs_section_button(r, "introduction", "Copy code"))
    r.think()
    r.click(docs_section_button(r, "introduction", "No"))
    r.think()
    r.check(role("switch", "Dark mode"))
    r.wait(1.0, 1.4)



# session 25 (live25b): more docs and wizard flows of the kinds issue 11's live stage must handle ---------
@scenario("docs-search-open-version", "docs", "/docs/",
          "Types “rout” in the docs search, moves through the results with ArrowDown, ArrowDown and "
          "ArrowUp, opens the highlighted one with Enter (the page jumps to its section), then rests "
          "the pointer on the version button until its menu opens and picks v3.1.",
          ["fill (combobox)", "press ArrowDown / ArrowUp in a list", "press Enter", "in-page anchor navigation",
           "hover opens a menu", "menuitem"])
def docs_search_open_version(r):
    r.fill(role("combobox", "Search docs"), "rout")
    r.wait(0.5, 0.8)
    r.press("ArrowDown")
    r.wait(0.3, 0.5)
    r.press("ArrowDown")
    r.wait(0.3, 0.5)
    r.press("ArrowUp")
    r.wait(0.3, 0.6)
    r.press("Enter")
    r.wait(0.8, 1.2)
    r.hover(role("button", "v3.2"), opens=role("menuitem", "v3.1"))
    r.click(role("menuitem", "v3.1"))
    r.wait(1.0, 1.4)
    r.wander(dx_range=(-300, -150), dy_range=(120, 240))


@scenario("docs-version-search-feedback", "docs", "/docs/",
          "Picks v2.9 from the version button's hover menu first, then searches “config”, clicks the "
          "Configuration result, copies its code, wheels down a little and answers that section's "
          "Was this helpful? with Yes (identical buttons per section).",
          ["hover opens a menu", "menuitem", "fill (combobox)", "click a listbox option",
           "in-page anchor navigation", "scroll", "repeated buttons (context)",
           "icon-only button (aria-label Copy code)"])
def docs_version_search_feedback(r):
    r.hover(role("button", "v3.2"), opens=role("menuitem", "v2.9"))
    r.click(role("menuitem", "v2.9"))
    r.think()
    r.fill(role("combobox", "Search docs"), "config")
    r.wait(0.5, 0.8)
    r.click(role("option", "Configuration"))
    r.wait(0.8, 1.2)
    r.click(docs_section_button(r, "configuration", "Copy code"))
    r.think()
    r.scroll(2)
    r.think()
    r.click(docs_section_button(r, "configuration", "Yes"))
    r.wait(1.0, 1.4)


@scenario("docs-window-search-version-24fps", "docs", "/docs/",
          "24 fps, a window smaller than the screen on a dark desktop. Searches “cach”, ArrowDown then "
          "Enter opens a result, picks v3.1 from the version hover menu, then opens the version menu "
          "again and goes back to v3.2.",
          ["24 fps", "window smaller than the screen", "fill (combobox)", "press ArrowDown in a list",
           "press Enter", "hover opens a menu", "menuitem"],
          fps=24, window=(70, 36, 1140, 740), background="#2f3b45")
def docs_window_search_version_24fps(r):
    r.fill(role("combobox", "Search docs"), "cach")
    r.wait(0.5, 0.8)
    r.press("ArrowDown")
    r.wait(0.3, 0.6)
    r.press("Enter")
    r.wait(0.8, 1.2)
    r.hover(role("button", "v3.2"), opens=role("menuitem", "v3.1"))
    r.click(role("menuitem", "v3.1"))
    r.think()
    r.hover(role("button", "v3.1"), opens=role("menuitem", "v3.2 (latest)"))
    r.click(role("menuitem", "v3.2 (latest)"))
    r.wait(1.0, 1.4)
    r.wander(dx_range=(-300, -150), dy_range=(120, 240))


@scenario("wizard-booking-keys-vp9", "wizard", "/wizard/",
          "VP9 WebM. A full booking: name, Tab, email, Next; the check-in date typed into the focused "
          "date field, Nights retyped with Control+A, Tab to Guests and ArrowUp twice, ArrowDown once; "
          "Next; a room from the select popup, breakfast ticked, Late checkout on, a note for the host; "
          "Next; accepts the house rules and confirms.",
          ["vp9 webm", "fill", "press Tab", "date input", "number input", "Control+A then typing",
           "press ArrowUp / ArrowDown on a number", "select (popup click)", "checkbox", "toggle switch",
           "textarea", "multi-step form"],
          codec="vp9", wpm=72)
def wizard_booking_keys_vp9(r):
    wizard_guest(r, "Elena Duarte", "elena.duarte@mail.pt")
    r.fill(label("Check-in date"), "08232027", expect="2027-08-23")
    r.think()
    r.fill(label("Nights"), "4", select_all=True)
    r.wait(0.2, 0.4)
    r.press("Tab")
    r.wait(0.3, 0.5)
    r.press("ArrowUp")
    r.wait(0.3, 0.5)
    r.press("ArrowUp")
    r.wait(0.3, 0.5)
    r.press("ArrowDown")
    r.think()
    r.click(role("button", "Next"))
    r.wait(0.5, 0.8)
    r.select(label("Room"), "Garden twin")
    r.think()
    r.check(role("checkbox", "Breakfast included"))
    r.think()
    r.check(role("switch", "Late checkout"))
    r.think()
    r.fill(label("Notes for the host"), "Arriving by train")
    r.think()
    wizard_confirm(r)


@scenario("wizard-fix-nights-60fps", "wizard", "/wizard/",
          "60 fps. Name and email (clicking each field), Next; on the dates step a date and 20 nights, Next shows the Nights error, Nights "
          "retyped as 6; Guests lowered with ArrowDown; on the extras a room and a note; Next; the "
          "rules accepted and the booking confirmed.",
          ["60 fps", "inline validation", "fill", "Control+A then typing", "date input", "number input",
           "press ArrowDown on a number", "select (popup click)", "textarea", "checkbox", "multi-step form"],
          fps=60)
def wizard_fix_nights_60fps(r):
    wizard_guest(r, "Tomas Varga", "tomas@varga.hu", tab=False)
    r.fill(label("Check-in date"), "10052027", expect="2027-10-05")
    r.think()
    r.fill(label("Nights"), "20", select_all=True)
    r.think()
    r.click(role("button", "Next"))
    r.wait(0.6, 0.9)
    r.fill(label("Nights"), "6", select_all=True)
    r.wait(0.2, 0.4)
    r.press("Tab")
    r.wait(0.3, 0.5)
    r.press("ArrowDown")
    r.think()
    r.click(role("button", "Next"))
    r.wait(0.5, 0.8)
    r.select(label("Room"), "Family room")
    r.think()
    r.fill(label("Notes for the host"), "Late arrival")
    r.think()
    wizard_confirm(r)


# session 28 (live28c, issue 12): flows the corpus has few of — a choice followed by typing and keys,
# a results list walked with arrow keys then opened, corrections and refused steps, dialogs closed with a
# key — across eight apps, some in other captures. Recorded and measured first-seen before any tuning.
@scenario("ledger-invoice-due-enter", "ledger", "/ledger/",
          "Signs in with Enter, opens New invoice, types the client into the auto-focused field, types "
          "an amount with a slip fixed by backspace, picks On receipt in the Due select popup, types a "
          "memo and creates the invoice with Enter in the memo field.",
          ["password", "press Enter", "navigation", "modal dialog", "fill in an auto-focused field",
           "backspace correction", "select (popup click) then typing", "press Enter submits a form"],
          wpm=76)
def ledger_invoice_due_enter(r):
    sign_in(r, "noor.haddad@acme.studio", "river-Stone-73")
    r.click(role("button", "New invoice"))
    r.wait(0.6, 1.0)
    r.fill(label("Client"), "Nordlicht GmbH")
    r.think()
    r.fill(label("Amount (€)"), "4800\b.50")
    r.think()
    r.select(label("Due"), "On receipt")
    r.think()
    r.fill(label("Memo"), "Workshop day")
    r.wait(0.3, 0.6)
    r.press("Enter")
    r.wait(1.2, 1.6)
    r.wander()


@scenario("shop-delivery-refused-24fps", "shop", "/shop/",
          "24 fps. Searches “tent” with Enter, scrolls to the results, adds the Ridgeline UL Tent, goes "
          "to checkout from the cart drawer, picks Pick up in store with the keyboard inside the select "
          "popup, types an incomplete email and a name, Enter is refused (invalid email), retypes the "
          "email with Control+A and orders with Enter.",
          ["24 fps", "fill", "press Enter", "scroll", "repeated buttons (context)", "modal drawer",
           "navigation to a second page", "select (keyboard inside the popup) then typing",
           "a refused submit then fixed", "Control+A then typing"],
          fps=24, wpm=70)
def shop_delivery_refused_24fps(r):
    r.fill(role("textbox", "Search"), "tent")
    r.wait(0.2, 0.4)
    r.press("Enter")
    r.wait(0.8, 1.2)
    r.scroll(3)
    r.think()
    r.click(card_button(r, "Ridgeline UL Tent"))
    r.think()
    r.click(role("button", "Cart"))
    r.wait(0.8, 1.2)
    r.click(role("button", "Checkout"), nav="**/checkout.html")
    r.wait(0.8, 1.2)
    r.select(label("Delivery"), "Pick up in store", by_keyboard=True)
    r.think()
    r.fill(label("Email for receipt"), "ravi.menon@")
    r.think()
    r.fill(label("Full name"), "Ravi Menon")
    r.wait(0.3, 0.6)
    r.press("Enter")
    r.wait(0.8, 1.2)
    r.fill(label("Email for receipt"), "ravi.menon@mail.in", select_all=True)
    r.wait(0.3, 0.6)
    r.press("Enter")
    r.wait(1.0, 1.5)
    r.wander()


@scenario("docs-results-walk-copy-vp9", "docs", "/docs/",
          "VP9 WebM. Types “data” in the docs search, walks the results with ArrowDown ×3 and ArrowUp, "
          "opens the highlighted one with Enter (the page jumps to its section), copies that section's "
          "code with its icon-only button and answers No to Was this helpful?.",
          ["vp9 webm", "fill (combobox)", "press ArrowDown / ArrowUp in a list", "press Enter",
           "in-page anchor navigation", "icon-only button (aria-label Copy code)", "repeated buttons (context)"],
          codec="vp9")
def docs_results_walk_copy_vp9(r):
    r.fill(role("combobox", "Search docs"), "data")
    r.wait(0.5, 0.8)
    for key in ("ArrowDown", "ArrowDown", "ArrowDown", "ArrowUp"):
        r.press(key)
        r.wait(0.3, 0.55)
    r.wait(0.1, 0.3)
    r.press("Enter")
    r.wait(0.9, 1.3)
    sid = r.page.evaluate("location.hash.slice(1)")
    r.click(docs_section_button(r, sid, "Copy code"))
    r.think()
    r.click(docs_section_button(r, sid, "No"))
    r.wait(1.0, 1.4)
    r.wander(dx_range=(-300, -150), dy_range=(60, 160))


@scenario("wizard-refused-email-nopointer", "wizard", "/wizard/",
          "Captured without the mouse pointer. The name typed with a slip fixed by backspace, an "
          "incomplete email refused by Next (inline error), retyped with Control+A, Next; a date and "
          "Nights retyped, Next; a room chosen with the keyboard inside the select popup, a note with "
          "a backspace; Next; the rules accepted and the booking confirmed.",
          ["no visible pointer", "backspace correction", "inline validation", "a refused step then fixed",
           "Control+A then typing", "date input", "number input", "select (keyboard inside the popup)",
           "textarea", "checkbox", "multi-step form"],
          pointer=False, wpm=78)
def wizard_refused_email_nopointer(r):
    r.fill(label("Full name"), "Sofia Marqeuz\b\b\buez")
    r.think()
    r.fill(label("Email"), "sofia.marquez@")
    r.think()
    r.click(role("button", "Next"))
    r.wait(0.6, 0.9)
    r.fill(label("Email"), "sofia@marquez.mx", select_all=True)
    r.think()
    r.click(role("button", "Next"))
    r.wait(0.5, 0.8)
    r.fill(label("Check-in date"), "11202027", expect="2027-11-20")
    r.think()
    r.fill(label("Nights"), "3", select_all=True)
    r.think()
    r.click(role("button", "Next"))
    r.wait(0.5, 0.8)
    r.select(label("Room"), "Loft suite", by_keyboard=True)
    r.think()
    r.fill(label("Notes for the host"), "Quiet room, pleas\be")
    r.think()
    wizard_confirm(r)


@scenario("board-dialog-fix-escape-rename", "board", "/board/",
          "Opens “Crash on rotate” with its ✎ button, picks Priya Nair in the Assignee popup, retypes "
          "the story points with Control+A (13, erased, 8), closes the dialog with Escape; then "
          "double-clicks “Dark mode icons” to rename it with Enter and moves “Offline banner” right.",
          ["icon-only button (aria-label Edit card)", "repeated card buttons (context)", "modal dialog",
           "select (popup click) then typing", "Control+A then typing", "backspace correction",
           "press Escape closes a dialog", "double-click to edit inline", "press Enter",
           "icon-only button (aria-label Move right)"],
          wpm=72)
def board_dialog_fix_escape_rename(r):
    r.click(board_button(r, "Crash on rotate", "Edit card"))
    r.wait(0.6, 0.9)
    r.select(label("Assignee"), "Priya Nair")
    r.think()
    r.fill(label("Story points"), "13\b\b8", select_all=True)
    r.think()
    r.press("Escape")
    r.think()
    r.dblclick(role("heading", "Dark mode icons"))
    r.wait(0.4, 0.7)
    r.fill(role("textbox", "Card title"), "Dark theme icons")
    r.wait(0.2, 0.4)
    r.press("Enter")
    r.think()
    r.click(board_button(r, "Offline banner", "Move right"))
    r.wait(1.0, 1.4)


@scenario("contacts-dialog-escape-save-firefox", "contacts", "/contacts/",
          "Captured in Firefox ESR. Opens New contact, types a name with a slip fixed by backspace, Tab, "
          "a phone, then Escape closes the dialog unsaved; opens it again, types name, Tab, phone and "
          "saves; searches “ine” and stars the new contact.",
          ["Firefox ESR (tab strip, address bar, form controls)", "icon-only button (aria-label Add contact)",
           "modal dialog", "fill in an auto-focused field", "backspace correction", "press Tab",
           "press Escape closes a dialog", "save", "fill (live filter)", "toggle button (aria-pressed)"],
          browser="firefox", wpm=74)
def contacts_dialog_escape_save_firefox(r):
    r.click(role("button", "Add contact"))
    r.wait(0.5, 0.8)
    r.fill(role("textbox", "Name"), "Ines Duartte\b\b\bte")
    r.wait(0.2, 0.4)
    r.press("Tab")
    r.fill(role("textbox", "Phone"), "+351 21 555 0142")
    r.think()
    r.press("Escape")
    r.think()
    r.click(role("button", "Add contact"))
    r.wait(0.5, 0.8)
    r.fill(role("textbox", "Name"), "Ines Duarte")
    r.wait(0.2, 0.4)
    r.press("Tab")
    r.fill(role("textbox", "Phone"), "+351 21 555 0142")
    r.think()
    r.click(role("button", "Save"))
    r.wait(0.8, 1.2)
    r.fill(role("searchbox", "Search contacts"), "ine")
    r.wait(0.6, 1.0)
    r.click(contact_button(r, "Ines Duarte", "Favourite"))
    r.wait(1.0, 1.4)


@scenario("admin-search-edit-role-125", "admin", "/admin/",
          "Device scale 1.25. Types “kri” in Search users, opens Uma Krishnan's Edit dialog, retypes the "
          "selected full name, Tab to the email and retypes it, picks Editor with the keyboard inside "
          "the Role popup and saves; then rests on her ⋯ until the row menu opens and picks Send "
          "password reset.",
          ["device scale 1.25", "fill (live filter)", "modal dialog", "fill in a focused field (text selected)",
           "press Tab", "select (keyboard inside the popup)", "hover opens a menu", "menuitem"],
          screen=(1600, 1000), scale=1.25, wpm=74)
def admin_search_edit_role_125(r):
    r.fill(role("searchbox", "Search users"), "kri")
    r.wait(0.8, 1.2)
    r.click(row_button(r, "Uma Krishnan", "Edit"))
    r.wait(0.6, 1.0)
    r.fill(label("Full name"), "Uma Krishnan-Rao")
    r.wait(0.3, 0.6)
    r.press("Tab")
    r.wait(0.3, 0.6)
    r.fill(label("Email address"), "uma.kr@quillstone.io")
    r.think()
    r.select(label("Role"), "Editor", by_keyboard=True)
    r.think()
    r.click(role("button", "Save user"))
    r.think()
    r.hover(row_button(r, "Uma Krishnan-Rao", "More actions"), opens=role("menuitem", "Send password reset"))
    r.click(role("menuitem", "Send password reset"))
    r.wait(1.0, 1.5)
    r.wander(dx_range=(-320, -140))  # leftwards: resting on a row's ⋯ would open its menu


@scenario("settings-name-theme-keys-60fps", "settings", "/settings/",
          "60 fps. Retypes the display name with Control+A (a slip fixed by backspace), picks Light in "
          "the segmented control and moves the choice on with ArrowRight, Tab to the Text size slider "
          "and ArrowLeft twice, opens Advanced, wheels down to it, turns Developer mode on, saves and dismisses the toast.",
          ["60 fps", "fill a prefilled field (select all + retype)", "backspace correction", "segmented control",
           "press ArrowRight in a radio group", "press Tab", "press ArrowLeft on a slider", "accordion",
           "scroll", "toggle switch", "save", "icon-only button (aria-label Dismiss)"],
          fps=60, wpm=70)
def settings_name_theme_keys_60fps(r):
    r.fill(label("Display name"), "Rui Almedia\b\b\bida", select_all=True)
    r.think()
    r.check(role("radio", "Light"))
    r.wait(0.4, 0.7)
    r.press("ArrowRight")
    r.wait(0.4, 0.7)
    r.press("Tab")
    r.wait(0.4, 0.7)
    r.press("ArrowLeft")
    r.wait(0.35, 0.6)
    r.press("ArrowLeft")
    r.think()
    r.click(role("button", "Advanced"))
    r.wait(0.6, 1.0)
    r.scroll(2)
    r.think()
    r.check(switch("Developer mode"))
    r.think()
    r.click(role("button", "Save"))
    r.wait(1.0, 1.4)
    r.click(role("button", "Dismiss"))
    r.wait(1.0, 1.4)
    r.wander()


# ------------------------------------------------------------------------------------------------
# Firefox ESR: flows of the apps above captured in Debian's Firefox (another browser's tab strip,
# address bar, form controls and text rendering), the mirror Chromium reading the page (firefox.py).
# No select popups or wheel scrolling (Firefox draws and scrolls those differently from the mirror).
# ------------------------------------------------------------------------------------------------
FIREFOX_VARIANTS = [
    ("todo-add-items", {}),
    ("ledger-login-enter", {}),
    ("ledger-signout-menu", {}),
    ("settings-switches-save", {}),
    ("admin-delete-confirm", {}),
    ("contacts-add-favourite", {"cursor": "DMZ-Black"}),
    ("docs-sidebar-copy", {}),
    ("wizard-validation", {}),
    ("board-dblclick-rename", {}),
    ("board-move-cards", {"screen": (1920, 1080)}),
]

for _base, _opts in FIREFOX_VARIANTS:
    _b = SCENARIOS[_base]
    SCENARIOS[_base + "-firefox"] = Scenario(
        _base + "-firefox", _b.fn, _b.app, _b.path, _b.description + " Captured in Firefox ESR.",
        _b.exercises + ["Firefox ESR (tab strip, address bar, form controls)"], wpm=_b.wpm, browser="firefox",
        **_opts)
