/// Key names as the timeline reports them (`Enter`, `Control+A`, `Esc`), normalised to Playwright's
/// names, with each one's Selenium `Keys` constant.
enum KeyNames {
    /// Playwright name → Selenium `Keys` constant (same spelling in Python and Java).
    static let selenium: [String: String] = [
        "Enter": "ENTER", "Tab": "TAB", "Escape": "ESCAPE", "Backspace": "BACKSPACE", "Delete": "DELETE",
        "ArrowUp": "ARROW_UP", "ArrowDown": "ARROW_DOWN", "ArrowLeft": "ARROW_LEFT", "ArrowRight": "ARROW_RIGHT",
        "Home": "HOME", "End": "END", "PageUp": "PAGE_UP", "PageDown": "PAGE_DOWN", "Insert": "INSERT",
        "Space": "SPACE", "Shift": "SHIFT", "Control": "CONTROL", "Alt": "ALT", "Meta": "META",
        "F1": "F1", "F2": "F2", "F3": "F3", "F4": "F4", "F5": "F5", "F6": "F6",
        "F7": "F7", "F8": "F8", "F9": "F9", "F10": "F10", "F11": "F11", "F12": "F12",
    ]

    private static let aliases: [String: String] = [
        "return": "Enter", "enter": "Enter", "tab": "Tab", "esc": "Escape", "escape": "Escape",
        "backspace": "Backspace", "delete": "Delete", "del": "Delete",
        "up": "ArrowUp", "down": "ArrowDown", "left": "ArrowLeft", "right": "ArrowRight",
        "arrowup": "ArrowUp", "arrowdown": "ArrowDown", "arrowleft": "ArrowLeft", "arrowright": "ArrowRight",
        "home": "Home", "end": "End", "pageup": "PageUp", "pagedown": "PageDown", "insert": "Insert",
        "space": "Space", "spacebar": "Space", " ": "Space",
        "shift": "Shift", "control": "Control", "ctrl": "Control", "alt": "Alt", "option": "Alt",
        "meta": "Meta", "cmd": "Meta", "command": "Meta", "super": "Meta", "win": "Meta", "windows": "Meta",
        "controlormeta": "Control", "opt": "Alt", "pgup": "PageUp", "pgdn": "PageDown", "pgdown": "PageDown",
        "ins": "Insert", "bksp": "Backspace",
        // Keycap symbols as macOS menus and on-screen key displays show them.
        "⌘": "Meta", "⌥": "Alt", "⇧": "Shift", "⌃": "Control", "⏎": "Enter", "↵": "Enter", "↩": "Enter",
        "⎋": "Escape", "⇥": "Tab", "⌫": "Backspace", "⌦": "Delete",
        "↑": "ArrowUp", "↓": "ArrowDown", "←": "ArrowLeft", "→": "ArrowRight",
    ]

    static let modifiers: Set<String> = ["Shift", "Control", "Alt", "Meta"]

    /// The chord for a key name, or nil when it is no key (then the text is typed instead).
    static func chord(_ raw: String) -> KeyChord? {
        let parts = raw == "+" ? ["+"] : raw.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, !parts.contains(where: \.isEmpty) || raw == "+" else { return nil }
        var names: [String] = []
        for part in parts {
            guard let name = normalise(part) else { return nil }
            names.append(name)
        }
        guard var key = names.last else { return nil }
        let mods = Array(names.dropLast())
        guard mods.allSatisfy(modifiers.contains) else { return nil }
        // A shortcut names its letter in capitals ("Control+A") but means the key: an upper-case
        // letter would type Shift+A in Selenium, so without Shift the letter is lower case.
        if !mods.isEmpty, !mods.contains("Shift"), key.count == 1, let c = key.unicodeScalars.first,
           ("A"..."Z").contains(c) {
            key = key.lowercased()
        }
        return KeyChord(modifiers: mods, key: key)
    }

    private static func normalise(_ part: String) -> String? {
        if let known = aliases[part.lowercased()] { return known }
        if selenium[part] != nil { return part }
        if part.count == 1, let s = part.unicodeScalars.first, s.value >= 0x21, s.value < 0x7F { return part }
        if part.uppercased().hasPrefix("F"), let n = Int(part.dropFirst()), (1...12).contains(n) { return "F\(n)" }
        return nil
    }
}
