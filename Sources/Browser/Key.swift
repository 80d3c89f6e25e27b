/// A key press for `BrowserSession.keys`, named as Playwright names keys.
public enum Key: Sendable, Hashable {
    /// Types the characters one by one (each a key down and up).
    case text(String)
    /// Named keys, pressed and released once.
    case enter, tab, escape, backspace, delete
    /// Arrow keys.
    case arrowUp, arrowDown, arrowLeft, arrowRight
    /// Navigation keys and the space bar.
    case home, end, pageUp, pageDown, space
    /// `key` (a Playwright key name such as `"A"`, `"Tab"`, `"F5"`) pressed while `modifiers` are held.
    case chord(modifiers: [Modifier], key: String)

    /// A modifier key held during a chord.
    public enum Modifier: String, Sendable, Hashable, CaseIterable {
        /// The left-hand modifier keys (ControlOrMeta is Control: the browser runs on Linux).
        case control, shift, alt, meta

        /// The W3C WebDriver code point (the left-hand key).
        var w3c: String {
            switch self {
            case .control: "\u{E009}"
            case .shift: "\u{E008}"
            case .alt: "\u{E00A}"
            case .meta: "\u{E03D}"
            }
        }
    }

    /// Parses a Playwright key name: `"Enter"`, `"a"`, `"Control+A"`, `"Shift+Tab"`,
    /// `"ControlOrMeta+C"` (Control here: the browser runs on Linux). Nil for names that are not
    /// keys (`"Hello"`), so callers can type such text with `.text` instead.
    public static func parse(_ playwrightName: String) -> Key? {
        let parts = playwrightName == "+" ? ["+"]
            : playwrightName.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
        guard let last = parts.last, !parts.contains(where: \.isEmpty) || playwrightName == "+" else {
            // "Control++" means Control and the plus key.
            if playwrightName.hasSuffix("++") {
                let mods = playwrightName.dropLast(2).split(separator: "+").map(String.init)
                guard let modifiers = parseModifiers(mods) else { return nil }
                return .chord(modifiers: modifiers, key: "+")
            }
            return nil
        }
        guard let modifiers = parseModifiers(Array(parts.dropLast())),
              let key = canonicalName(last) else { return nil }
        if !modifiers.isEmpty { return .chord(modifiers: modifiers, key: key) }
        if let named = named[key] { return named }
        if key.count == 1 { return .text(key) }
        return .chord(modifiers: [], key: key)   // F1…F12, Insert
    }

    private static func parseModifiers(_ names: [String]) -> [Modifier]? {
        var out: [Modifier] = []
        for name in names {
            switch name.lowercased() {
            case "control", "ctrl", "controlormeta": out.append(.control)
            case "shift": out.append(.shift)
            case "alt", "option": out.append(.alt)
            case "meta", "cmd", "command": out.append(.meta)
            default: return nil
            }
        }
        return out
    }

    private static let named: [String: Key] = [
        "Enter": .enter, "Tab": .tab, "Escape": .escape, "Backspace": .backspace, "Delete": .delete,
        "ArrowUp": .arrowUp, "ArrowDown": .arrowDown, "ArrowLeft": .arrowLeft, "ArrowRight": .arrowRight,
        "Home": .home, "End": .end, "PageUp": .pageUp, "PageDown": .pageDown, "Space": .space,
    ]

    /// Playwright name → W3C WebDriver code point for keys that are not characters.
    static let w3cCodes: [String: String] = [
        "Enter": "\u{E007}", "Tab": "\u{E004}", "Escape": "\u{E00C}", "Backspace": "\u{E003}",
        "Delete": "\u{E017}", "ArrowUp": "\u{E013}", "ArrowDown": "\u{E015}", "ArrowLeft": "\u{E012}",
        "ArrowRight": "\u{E014}", "Home": "\u{E011}", "End": "\u{E010}", "PageUp": "\u{E00E}",
        "PageDown": "\u{E00F}", "Space": " ", "Insert": "\u{E016}",
        "Shift": "\u{E008}", "Control": "\u{E009}", "Alt": "\u{E00A}", "Meta": "\u{E03D}",
        "F1": "\u{E031}", "F2": "\u{E032}", "F3": "\u{E033}", "F4": "\u{E034}", "F5": "\u{E035}",
        "F6": "\u{E036}", "F7": "\u{E037}", "F8": "\u{E038}", "F9": "\u{E039}", "F10": "\u{E03A}",
        "F11": "\u{E03B}", "F12": "\u{E03C}",
    ]

    private static let aliases: [String: String] = [
        "return": "Enter", "esc": "Escape", "del": "Delete", "up": "ArrowUp", "down": "ArrowDown",
        "left": "ArrowLeft", "right": "ArrowRight", "spacebar": "Space", " ": "Space",
    ]

    /// The Playwright spelling of a key name, or nil when it names no key.
    private static func canonicalName(_ raw: String) -> String? {
        if raw.count == 1 { return raw == " " ? "Space" : raw }
        if w3cCodes[raw] != nil { return raw }
        if let alias = aliases[raw.lowercased()] { return alias }
        if let match = w3cCodes.keys.first(where: { $0.lowercased() == raw.lowercased() }) { return match }
        return nil
    }

    /// The W3C `value` for one key: a code point for named keys, else the character itself.
    /// In a chord without Shift a letter is sent lower-case (Playwright's `Control+A` is Ctrl and the
    /// A key, not Ctrl+Shift+A); with Shift it is upper-case, as typing it would give.
    static func w3cValue(_ name: String, shift: Bool) -> String {
        if let code = w3cCodes[name] { return code }
        if let alias = canonicalName(name), let code = w3cCodes[alias] { return code }
        if name.count == 1, name.first!.isLetter { return shift ? name.uppercased() : name.lowercased() }
        return name
    }

    /// The key-down/key-up sequence for this key, as W3C key action items.
    var actionItems: [JSONValue] {
        func press(_ v: String) -> [JSONValue] {
            [["type": "keyDown", "value": .string(v)], ["type": "keyUp", "value": .string(v)]]
        }
        switch self {
        case .text(let s): return s.map { press(String($0)) }.flatMap { $0 }
        case .chord(let modifiers, let key):
            let downs = modifiers.map { JSONValue.object(["type": "keyDown", "value": .string($0.w3c)]) }
            let ups = modifiers.reversed().map { JSONValue.object(["type": "keyUp", "value": .string($0.w3c)]) }
            return downs + press(Self.w3cValue(key, shift: modifiers.contains(.shift))) + ups
        case .enter: return press(Self.w3cCodes["Enter"]!)
        case .tab: return press(Self.w3cCodes["Tab"]!)
        case .escape: return press(Self.w3cCodes["Escape"]!)
        case .backspace: return press(Self.w3cCodes["Backspace"]!)
        case .delete: return press(Self.w3cCodes["Delete"]!)
        case .arrowUp: return press(Self.w3cCodes["ArrowUp"]!)
        case .arrowDown: return press(Self.w3cCodes["ArrowDown"]!)
        case .arrowLeft: return press(Self.w3cCodes["ArrowLeft"]!)
        case .arrowRight: return press(Self.w3cCodes["ArrowRight"]!)
        case .home: return press(Self.w3cCodes["Home"]!)
        case .end: return press(Self.w3cCodes["End"]!)
        case .pageUp: return press(Self.w3cCodes["PageUp"]!)
        case .pageDown: return press(Self.w3cCodes["PageDown"]!)
        case .space: return press(" ")
        }
    }
}
