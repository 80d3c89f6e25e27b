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
