import Foundation
import ScreenCore

/// Turns an action timeline into a language-independent plan: one numbered step per action (plus an
/// opening `goto` for the start URL), each with its operations, a sentence saying what the person
/// did, and the secret variables masked fields need.
struct Planner {
    var options: RenderOptions

    func plan(_ recorded: ActionTimeline) -> ScriptPlan {
        // A HiDPI recording's points are video pixels: the script's page is CSS pixels, as many
        // fewer as the device scale, and laid out at that size (a narrower page moves centred
        // dialogs and wrapped text), so both are divided.
        let scale = recorded.viewport?.deviceScale ?? 1
        let timeline = recorded.inCSSPixels(scale: scale)
        var secrets = SecretNames()
        var variables: [SecretVariable] = []
        var steps: [PlannedStep] = []

        let start = LocatorRanking.clean(timeline.startURL)
        let firstIsGoto = timeline.actions.first?.kind == .goto
        if let start, !firstIsGoto {
            steps.append(PlannedStep(number: 1, summary: Phrase([.words("Open "), .url(start)]),
                                     operations: [.goto(url: start)], remarks: []))
        } else if start == nil, !timeline.actions.contains(where: { $0.kind == .goto }) {
            steps.append(PlannedStep(number: 1, summary: Phrase([.words("Open the first page")]),
                                     operations: [.note("The recording does not show the address of the first page: add it here.")],
                                     remarks: []))
        }

        for (index, action) in timeline.actions.enumerated() {
            var secretName: String?
            if action.kind == .fill && action.secret {
                let name = secrets.next(for: action.target)
                secretName = name
                variables.append(SecretVariable(name: name, about: secretAbout(action, step: steps.count + 1)))
            }
            var planned = step(action, number: steps.count + 1, secret: secretName)
            planned.actionIndex = index
            steps.append(planned)
        }
        return ScriptPlan(title: title(timeline), recording: recordingName(timeline),
                          viewport: timeline.viewport.map { Self.pageSize($0) },
                          secrets: variables, steps: steps)
    }

    /// The viewport's size in CSS pixels: the video's divided by the device scale, when one was seen.
    static func pageSize(_ v: Viewport) -> PageSize {
        guard let s = v.deviceScale, s.isFinite, s > 0, s != 1 else { return PageSize(width: v.width, height: v.height) }
        return PageSize(width: Int((Double(v.width) / s).rounded()), height: Int((Double(v.height) / s).rounded()))
    }

    // MARK: - One action

    func step(_ action: Action, number: Int, secret: String?) -> PlannedStep {
        let placement = LocatorRanking.place(action.target, grounding: action.grounding)
        let element = Describe.element(action.target, placement)
        var ops: [Operation] = []
        var remarks: [String] = []
        let summary: Phrase

        switch action.kind {
        case .goto:
            let url = LocatorRanking.clean(action.value?.text) ?? LocatorRanking.clean(action.navigatesTo)
            if let url {
                ops.append(.goto(url: url))
                summary = Phrase([.words("Open "), .url(url)])
            } else {
                ops.append(.note("The recording shows a navigation but not its address."))
                summary = Phrase([.words("Open a page (address not readable)")])
            }
        case .click:
            ops.append(.click(placement))
            summary = Phrase([.words("Click ")] + element)
        case .dblclick:
            ops.append(.dblclick(placement))
            summary = Phrase([.words("Double-click ")] + element)
        case .hover:
            ops.append(.hover(placement))
            summary = Phrase([.words("Hover over ")] + element)
        case .fill:
            let text: FillText
            if let secret {
                text = .secret(name: secret)
                summary = Phrase([.words("Type "), .secret(secret), .words(" into ")] + element)
            } else {
                let value = Self.text(action.value) ?? ""
                text = .literal(value)
                summary = Phrase([.words("Type "), .value(value), .words(" into ")] + element)
            }
            ops.append(.fill(placement, text))
        case .press:
            let raw = Self.text(action.value) ?? ""
            // No element (or only a point): the key goes to whatever has focus, as it did in the recording.
            var on: ElementRef?
            if case .element(let e) = placement { on = e }
            let field: [Phrase.Part] = on == nil ? [] : [.words(" in ")] + element
            if let chord = KeyNames.chord(raw) {
                ops.append(.press(chord, on: on))
                summary = Phrase([.words("Press "), .value(chord.playwright)] + field)
            } else if raw.isEmpty {
                ops.append(.note("The recording shows a key press but not which key."))
                summary = Phrase([.words("Press a key (not readable)")])
            } else {
                ops.append(.type(raw, on: on))
                summary = Phrase([.words("Type "), .value(raw)] + field)
            }
        case .select:
            let option = Self.text(action.value) ?? ""
            ops.append(.select(placement, option: option))
            summary = Phrase([.words("Choose "), .value(option), .words(" in ")] + element)
        case .check:
            // A radio (or a menu's radio item) is ticked by choosing another one, never by clicking it again.
            let radio = action.target?.role == .radio || action.target?.role == .menuitemradio
            let checked = Self.flag(action.value) ?? true
            if radio && !checked {
                ops.append(.note("A radio button cannot be unticked by clicking it; choose another option instead."))
            } else {
                ops.append(.check(placement, checked: checked, radio: radio))
            }
            let verb = radio ? (checked ? "Select " : "Deselect ") : (checked ? "Tick " : "Untick ")
            summary = Phrase([.words(verb)] + element)
        case .scroll:
            let dy = Self.pixels(action.value) ?? 0
            var at: PagePoint?
            if let t = action.target { at = LocatorRanking.point(t) }
            ops.append(.scroll(dy: dy, at: at))
            let amount = Int(abs(dy).rounded())
            summary = Phrase([.words("Scroll \(dy < 0 ? "up" : "down") \(amount) pixels")])
        }

        if case .point(_, let why) = placement, action.kind != .scroll { remarks.append(why) }
        if case .nowhere(let why) = placement, [.click, .dblclick, .hover, .fill, .select, .check].contains(action.kind) {
            remarks.append("Skipped: \(why).")
        }
        if action.confidence < 0.5 {
            remarks.append("Low confidence (\(String(format: "%.2f", action.confidence))): check this step against the recording.")
        }
        if let url = LocatorRanking.clean(action.navigatesTo) {
            let sameGoto: Bool = {
                if case .goto(let u)? = ops.first { return u == url }
                return false
            }()
            if !sameGoto { ops.append(.expectURL(url)) }
        }
        if options.assertions {
            var seen = Set<String>()
            // Text that changes by itself (a greeting by the time of day, a date) is no assertion.
            for text in action.appeared.compactMap(LocatorRanking.clean)
            where !VolatileText.changesByItself(text) && seen.insert(text).inserted {
                ops.append(.expectText(text))
            }
        }
        return PlannedStep(number: number, summary: summary, operations: ops, remarks: remarks,
                           grounding: action.grounding)
    }

    // MARK: - Values

    static func text(_ v: ActionValue?) -> String? {
        switch v {
        case .text(let s)?: s
        case .pixels(let d)?: Describe.number(d)
        case .flag(let b)?: b ? "true" : "false"
        case nil: nil
        }
    }

    static func flag(_ v: ActionValue?) -> Bool? {
        switch v {
        case .flag(let b)?: b
        case .text(let s)?: ["true", "on", "yes", "checked", "1"].contains(s.lowercased())
        case .pixels(let d)?: d != 0
        case nil: nil
        }
    }

    static func pixels(_ v: ActionValue?) -> Double? {
        switch v {
        case .pixels(let d)?: d.isFinite ? d : nil
        case .text(let s)?: Double(s.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite ? $0 : nil }
        default: nil
        }
    }

    // MARK: - Names

    func title(_ t: ActionTimeline) -> String {
        if let name = LocatorRanking.clean(options.testName) { return name }
        if let r = recordingName(t) {
            let base = (r as NSString).deletingPathExtension
            if !base.isEmpty { return base }
        }
        return "recorded session"
    }

    func recordingName(_ t: ActionTimeline) -> String? {
        guard let path = t.source?.path, !path.isEmpty else { return nil }
        return (path as NSString).lastPathComponent
    }

    func secretAbout(_ action: Action, step: Int) -> String {
        let t = action.target
        if let label = LocatorRanking.clean(t?.label ?? t?.placeholder ?? t?.name) {
            return "the \"\(label)\" field (masked), typed in step \(step)"
        }
        return "a masked field typed in step \(step)"
    }
}
