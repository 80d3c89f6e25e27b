import Browser
import Foundation
import ScreenCore

/// A fill of the text its field already holds: a fill that changes nothing. Typing the held text
/// leaves the field as it was, so such a step is a reading of something else — the field's own
/// text shown with a caret or selected, or one typing read twice — and the truth has only the
/// typing that changes the field (docs/timeline.md: a `fill` sets the whole value). Holding the
/// text alone is no proof (a person may type the text a field holds, and a fill that moves the
/// focus matters to the keys after it: sessions 24–25 dropped such fills and reverted it), so the
/// rule asks for one of three pieces of evidence besides it, each a moment the grounder meets:
/// - **read twice** (at the step): the previous grounded step filled the same text into the same
///   field (the same verified locator), which holds it live. docs-version-search-feedback: the
///   search's typing read once as a choice from the field's results list, then as a fill of the
///   same "config" 1.4 s later. The script's first `fill` leaves the field as the second would.
/// - **typed over next** (at the step): the next offline step besides key presses fills the same
///   field, within `focusClickSeconds`, with other text. The field clicked into shows its old text
///   with a caret after it ("1 I": board-dialog-escape's Story points at 16.7 s, 0.8 s before "2"
///   is typed over it). The field is clicked live (the person did click into it: the video shows
///   its caret), nothing typed. The reading is compared as the field takes it (without case,
///   spaces at the ends or a caret; a number field by its digits).
/// - **retyped after keys** (at the fields' reconcile): the field held the focus before the fill,
///   only key presses were grounded after it, and the reconcile now types that same field.
///   wizard-fix-nights-60fps's `fill 'Nights' = '20'` at 22.8 s: the refused Next had put the
///   focus in Nights, holding "20", which the person selected and typed "6" over; the analysis
///   read the selected old value as typed and never read the "6" (the reconcile inserts it). The
///   fill changed nothing live, not the value and not the focus, so dropping it afterwards changes
///   nothing the steps after it met.
/// "Read twice" and "retyped after keys" leave the fill's text as the field's value, so they need
/// the held text exactly (a number as the field takes it); "typed over next" forgives the
/// reading's caret and case, since the next fill replaces it. Each drop has a diagnostic.
/// Not evidence (session 28, measured and reverted): a fill of the held text into a field without
/// the focus that the video shows unfocused after the step (wizard-validation-firefox's date
/// re-read at 25.0 s). Dropped, the focus stayed in Guests, the Tab read after it moved on to the
/// buttons and an Enter submitted the form: the script failed. Such a fill still moves the focus
/// the later keys were grounded against (as sessions 24–25 found).
/// (Cousins left apart: the field's old text read a letter off, LiveGrounder+OldTextRetyped.swift;
/// a fill of nothing, LiveGrounder+NoOpTyping.swift.)
extension Run {
    /// The evidence that a fill of the text its field holds was no edit (see the type).
    enum HeldTextFill: Equatable, Sendable {
        /// The previous grounded step filled the same text into the same field.
        case readTwice
        /// The next step besides keys types other text into the field.
        case typedOverNext
        /// The field had the focus, only keys followed, and the fields' reconcile types it again.
        case retypedAfterKeys
    }

    /// What the rule knows about a fill when it is asked; what a moment cannot know stays nil/false.
    struct HeldTextContext {
        /// The live field's value before the fill; nil when the field takes no text or is masked.
        var held: String?
        /// A number field: readings are compared as the field takes them ("1 I" is 1, "9 ." is 9).
        var number = false
        /// The previous grounded step, when it filled this same field (the same verified locator).
        var previousFillOfField: Action?
        /// The next offline step besides key presses, when it fills this field within `focusClickSeconds`.
        var nextFillOfField: Action?
        /// The field held the focus before the fill.
        var focusedBefore = false
        /// The fill was performed, only key presses were grounded after it, and the fields'
        /// reconcile now types the same field.
        var retypedAfterKeys = false
    }

    /// Whether fill `a` types exactly the text the field holds in `c` (a number as the field takes
    /// it): the fill's text would stay the field's value.
    static func typesHeldText(_ a: Action, _ c: HeldTextContext) -> Bool {
        guard a.kind == .fill, !a.secret, let typed = a.value?.text, !typed.isEmpty, let held = c.held else { return false }
        if c.number { return sameAsHeld(typed, held: held, number: true) }
        return typed == held
    }

    /// The one rule: the evidence that fill `a` typed the text its field held and changed nothing
    /// (see the type); nil when it is an edit, or nothing says otherwise.
    static func heldTextFill(_ a: Action, _ c: HeldTextContext) -> HeldTextFill? {
        guard a.kind == .fill, !a.secret, let typed = a.value?.text, !typed.isEmpty, let held = c.held else { return nil }
        let exactly = typesHeldText(a, c)
        if c.retypedAfterKeys, c.focusedBefore, exactly { return .retypedAfterKeys }
        if let last = c.previousFillOfField, last.kind == .fill, !last.secret, last.value?.text == typed, exactly { return .readTwice }
        if let next = c.nextFillOfField?.value?.text, sameAsHeld(typed, held: held, number: c.number),
           !sameAsHeld(next, held: held, number: c.number) { return .typedOverNext }
        return nil
    }

    /// The rule's context for step `i` (`a`), about to be performed on the live field `t`: its
    /// held text, the previous grounded step when it filled the same field, and the next offline
    /// step besides keys when it fills the field's box within `focusClickSeconds`.
    func heldTextContext(_ i: Int, _ a: Action, _ t: Identified) -> HeldTextContext {
        guard t.isTextField, !t.isPassword else { return HeldTextContext() }
        var c = HeldTextContext(held: t.value, number: t.inputType == "number")
        if let last = out.last, last.kind == .fill, let loc = last.grounding?.locator,
           loc == t.playwright.flatMap({ LiveLocator(json: $0) }) { c.previousFillOfField = last }
        if let box = t.box, i + 1 <= timeline.actions.count,
           let next = timeline.actions[(i + 1)...].first(where: { $0.kind != .press }),
           Self.fillsField(next, box, after: a.endTime) { c.nextFillOfField = next }
        return c
    }

    /// Step `i` (`a`, at the live point `p` on the field `t`) when it is a fill of the held text:
    /// dropped unperformed, with its diagnostic (typed over next: the field clicked, nothing typed).
    /// Returns whether it was dropped.
    mutating func dropHeldTextFill(_ i: Int, _ a: Action, _ t: Identified, at p: Point) async throws -> Bool {
        switch Self.heldTextFill(a, heldTextContext(i, a, t)) {
        case .readTwice?:
            diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (fill) dropped: the previous step typed \"\(a.value?.text ?? "")\" into the same field (\(t.role ?? t.tag) \"\(t.name ?? "")\"), which holds it live: one typing read twice"))
            debug("live: step \(i + 1) (fill) dropped: the previous step's fill of the same field with the same text")
            return true
        case .typedOverNext?:
            try await focusHeldField(at: p)
            diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (fill) dropped: \"\(a.value?.text ?? "")\" is the text the live field holds already, and the next fill types other text over it"))
            debug("live: step \(i + 1) (fill) dropped: the field's own text \"\(t.value ?? "")\", before the next fill")
            return true
        case .retypedAfterKeys?, nil:
            return false
        }
    }

    /// The person did click into the field (the video shows its caret there): the field is
    /// clicked live, so the focus is where the video has it for the steps that follow (a Tab out
    /// of it is judged by LiveGrounder+UnseenFocus.swift as out of a text field). Nothing is typed.
    mutating func focusHeldField(at p: Point) async throws {
        let before = try await page.state()
        try await browser.pointerClick(at: (p.x, p.y), count: 1)
        _ = try await settle(from: before)
    }

    /// At the fields' reconcile, about to type `element` (a number field when `number`): the last
    /// fill performed, when it was a fill of the held text retyped after keys, is taken out of the
    /// grounded steps (with its counts, kept screenshots and the edited field's index).
    mutating func dropHeldTextFill(before element: ElementHandle, number: Bool) async throws {
        guard let f = lastFillField, f.index >= 0, f.index < out.count else { return }
        let context = HeldTextContext(held: f.prior, number: number, focusedBefore: f.focused,
                                      retypedAfterKeys: out[(f.index + 1)...].allSatisfy { $0.kind == .press })
        guard Self.heldTextFill(out[f.index], context) == .retypedAfterKeys,
              try await browser.execute("return arguments[0] === arguments[1];", [JSONValue(element: f.element), JSONValue(element: element)]).bool == true
        else { return }
        let dropped = out.remove(at: f.index)
        switch dropped.grounding?.status {
        case .verified?: counts.verified -= 1
        case .corrected?: counts.corrected -= 1
        default: counts.offline -= 1
        }
        counts.dropped += 1
        // (The screenshots kept per step and the edited field's index follow the steps after it.)
        shots = Dictionary(uniqueKeysWithValues: shots.compactMap { k, v in k == f.index ? nil : (k > f.index ? k - 1 : k, v) })
        if let e = editedField { editedField = e.index == f.index ? nil : EditedField(index: e.index > f.index ? e.index - 1 : e.index, prior: e.prior) }
        lastFillField = nil
        diagnostics.append(Diagnostic(.note, "live: the fill of \"\(dropped.value?.text ?? "")\" at \(Self.f2(dropped.time)) s dropped: the focused field held that value already, and it is typed again after it with only keys between"))
        debug("live: the no-op fill at \(Self.f2(dropped.time)) s dropped before the field is typed again")
    }

    /// Whether the reading `typed` is the field's text `held`: compared without case, spaces at the
    /// ends or a caret; in a number field only the characters it takes count ("1 I" is "1", "9 ." is "9").
    static func sameAsHeld(_ typed: String, held: String, number: Bool) -> Bool {
        func key(_ s: String) -> String {
            guard number else { return readingKey(s).lowercased() }
            var n = String(s.filter { "0123456789.-".contains($0) })
            while n.hasSuffix(".") { n.removeLast() }   // "9 ." types as 9: a point with no digit after it is dropped
            return n
        }
        let k = key(typed)
        return !k.isEmpty && k == key(held)
    }
}
