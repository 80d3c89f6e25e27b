import ScreenCore

/// Turns the sub-agents' observations into the action timeline: merges what a cut split in two
/// (keystroke runs, scrolls, a list opened in one segment and chosen in the next), drops
/// duplicates, collapses keystrokes into one fill with its final value, attaches navigations and
/// appeared text to the action that caused them, and converts boxes to viewport coordinates.
public struct Aggregator: Sendable {
    /// Keystroke runs into the same field closer than this (seconds) are one fill.
    public var fillGap = 4.0
    /// Scrolls closer than this (seconds) are one scroll.
    public var scrollGap = 1.0
    /// A navigation is attached to an action at most this long (seconds) before it.
    public var navigationWindow = 3.0
    /// Whether a click that only focused a field right before typing into it is kept.
    public var keepFocusClicks = false

    public init() {}

    /// The actions for `observations` (any order, any segments) on a screen laid out as `layout`.
    public func aggregate(_ observations: [Observation], layout: ScreenLayout) -> (actions: [Action], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var obs = dedupe(observations.sorted { ($0.time, $0.segment) < ($1.time, $1.segment) })
        obs = mergeTyping(obs)
        obs = Self.enterBeforeTheNextFieldIsTab(obs)
        obs = Self.droppingTypingInClickedButtons(obs)
        obs = mergeSelects(obs)
        // The click that opened a list another agent saw chosen from is part of that choice.
        obs = obs.filter { o in
            !(o.kind == .click && obs.contains { s in
                s.kind == .select && abs(s.time - o.time) < 0.25 && (s.box == nil || o.box == nil || s.box!.iou(o.box!) > 0.5)
            })
        }
        obs = mergeScrolls(obs)
        obs = mergeChecks(obs)
        if !keepFocusClicks { obs = dropFocusClicks(obs) }
        obs = unifyFieldNames(obs)
        var actions: [Action] = []
        if let url = layout.startURL {
            actions.append(Action(kind: .goto, time: 0, value: .text(url), confidence: 0.9, evidence: [0]))
        }
        // The page the browser shows, and the action that took it there (a later, fuller reading
        // of the same address replaces a clipped one).
        var current: (url: String, action: Int?)? = layout.startURL.map { ($0, nil) }
        for o in obs {
            switch o.kind {
            case .navigation:
                // An address whose server is the start's but for an OCR slip is on the start's server.
                guard let url = o.url.map({ URLText.withKnownOrigin($0, known: layout.startURL) }) else { continue }
                let cause = actions.lastIndex(where: { $0.kind != .scroll && $0.kind != .goto && o.time - $0.time <= navigationWindow && o.time >= $0.time - 0.2 })
                // Caused by nothing and the address unchanged: a second reading of the same page.
                if cause.map({ actions[$0].navigatesTo != nil }) ?? true, let cur = current, Self.sameURL(cur.url, url) {
                    if url.count > cur.url.count, let i = cur.action, i < actions.count {
                        if actions[i].kind == .goto { actions[i].value = .text(url) } else { actions[i].navigatesTo = url }
                        current = (url, i)
                    }
                    continue
                }
                // Attach to the action that caused it; with none (a typed URL), it is a goto.
                if let i = cause, actions[i].navigatesTo == nil {
                    actions[i].navigatesTo = url
                    current = (url, i)
                } else if actions.last?.value?.text != url {
                    actions.append(Action(kind: .goto, time: o.time, value: .text(url), confidence: 0.6, evidence: o.evidence, model: o.model))
                    current = (url, actions.count - 1)
                }
            default:
                if let a = action(for: o, layout: layout) { actions.append(a) }
                else { diagnostics.append(Diagnostic(.note, "dropped an observation without a usable target at \(fmt(o.time)) s", segment: o.segment)) }
            }
        }
        // A typed URL in the address bar is a goto.
        for i in actions.indices where actions[i].kind == .fill && actions[i].target?.role == nil && actions[i].navigatesTo != nil {
            actions[i] = Action(kind: .goto, time: actions[i].time, endTime: actions[i].endTime, value: .text(actions[i].navigatesTo!),
                                confidence: actions[i].confidence, evidence: actions[i].evidence, model: actions[i].model)
        }
        actions = Self.valuesSeenAfterSubmit(actions)
        actions = Self.anchorLinks(actions, startURL: layout.startURL)
        // (After the rules that read typed values from the lines: those need every line.)
        for i in actions.indices { actions[i].appeared = Self.sureAppeared(actions[i].appeared) }
        for a in actions where a.confidence < 0.4 {
            diagnostics.append(Diagnostic(.warning, "low confidence \(a.kind.rawValue) at \(fmt(a.time)) s"))
        }
        return (actions, diagnostics)
    }

    private func fmt(_ t: Double) -> String { String(format: "%.2f", t) }

    /// Observations of the same kind at (nearly) the same time and place, seen by two agents
    /// (two segments), reduced to the better one. `obs` in time order. Public for the hybrid
    /// pass: the remote model is shown one reading of each action, not both agents' readings.
    public func dedupe(_ obs: [Observation]) -> [Observation] {
        var out: [Observation] = []
        for o in obs {
            if let j = out.lastIndex(where: { p in
                p.kind == o.kind && abs(p.time - o.time) < 0.2 && p.segment != o.segment
                    && (p.box == nil || o.box == nil || p.box!.iou(o.box!) > 0.5)
            }) {
                // Of two readings of one run of keystrokes, the one that saw it end (a later
                // segment watched the rest of the typing) has the final value.
                if o.kind == .typing, o.endTime > out[j].endTime + 0.3 { out[j] = o; continue }
                if o.kind == .typing, out[j].endTime > o.endTime + 0.3 { continue }
                if o.confidence > out[j].confidence { out[j] = o }
                continue
            }
            out.append(o)
        }
        return out
    }

    /// Two readings of one address: equal, or one the other cut short by a character or two.
    static func sameURL(_ a: String, _ b: String) -> Bool {
        a == b || ((a.hasPrefix(b) || b.hasPrefix(a)) && abs(a.count - b.count) <= 2 && min(a.count, b.count) >= 12)
    }

    static func sameField(_ a: PixelRect?, _ b: PixelRect?) -> Bool {
        guard let a, let b else { return false }
        return a.iou(b) > 0.5 || (abs(a.center.y - b.center.y) <= 6 && a.intersection(b).width > min(a.width, b.width) / 2)
    }

    /// Whether `shown` is a date input's month/day/year text of the ISO date `iso`.
    static func sameDateShown(iso: ActionValue?, shown: ActionValue?) -> Bool {
        guard case .text(let i)? = iso, case .text(let s)? = shown else { return false }
        return SegmentAnalyst.isoDate(s) == i
    }

    /// Keystroke runs in one field (a pause, a cut between them) become one run with the last value.
    func mergeTyping(_ obs: [Observation]) -> [Observation] {
        var out: [Observation] = []
        for o in obs {
            if o.kind == .typing, let j = out.lastIndex(where: { $0.kind == .typing }),
               Self.sameField(out[j].box, o.box), o.time - out[j].endTime <= fillGap,
               !out[(j + 1)...].contains(where: { $0.kind != .click || !Self.sameField($0.box, o.box) }) {
                var m = out[j]
                m.endTime = max(m.endTime, o.endTime)
                // (A date input's ISO value stays when a later run read the same date as shown.)
                if o.value != nil || o.secret, !Self.sameDateShown(iso: m.value, shown: o.value) { m.value = o.value }
                m.secret = m.secret || o.secret
                m.label = m.label ?? o.label
                m.placeholder = m.placeholder ?? o.placeholder
                m.confidence = max(m.confidence, o.confidence)
                m.evidence += o.evidence
                out.removeSubrange((j + 1)...)
                out[j] = m
                continue
            }
            out.append(o)
        }
        return out
    }

    /// A click that opened a list followed by a click inside that list is one choice.
    func mergeSelects(_ obs: [Observation]) -> [Observation] {
        var out: [Observation] = []
        for o in obs {
            if o.kind == .click, let p = o.point, let j = out.lastIndex(where: { $0.kind == .click && $0.popup != nil }),
               j == out.count - 1, out[j].popup!.expanded(4, 4).contains(p) {
                let opener = out[j]
                out[j] = Observation(kind: .select, time: opener.time, endTime: o.time, segment: o.segment, point: opener.point,
                                     box: opener.box, role: .combobox, text: opener.text, label: opener.label,
                                     value: o.text.map { .text($0) }, confidence: min(opener.confidence, o.confidence),
                                     evidence: opener.evidence + o.evidence)
                continue
            }
            out.append(o)
        }
        return out
    }

    /// Scrolls split by a cut (or a short pause) add up.
    func mergeScrolls(_ obs: [Observation]) -> [Observation] {
        var out: [Observation] = []
        for o in obs {
            if o.kind == .scroll, let last = out.last, last.kind == .scroll, o.time - last.endTime <= scrollGap,
               case .pixels(let a)? = last.value, case .pixels(let b)? = o.value, (a > 0) == (b > 0) {
                var m = last
                m.endTime = o.endTime; m.value = .pixels(a + b); m.evidence += o.evidence
                out[out.count - 1] = m
                continue
            }
            out.append(o)
        }
        return out
    }

    /// Two state changes of the same control in a blink are one (the last wins).
    func mergeChecks(_ obs: [Observation]) -> [Observation] {
        var out: [Observation] = []
        for o in obs {
            if o.kind == .check, let last = out.last, last.kind == .check, o.time - last.endTime < 0.3,
               let a = last.box, let b = o.box, a.iou(b) > 0.5 {
                out[out.count - 1] = o
                continue
            }
            out.append(o)
        }
        return out
    }

    /// Whether `click` only focused the field `typing` then went into: a click read as a field on
    /// that field, or a click on bare text (the field's placeholder, its old value) whose point lies
    /// inside that field, shortly before the first keystroke.
    static func focusedField(click o: Observation, typing t: Observation) -> Bool {
        if o.role == .textbox { return sameField(o.box, t.box) }
        // A click read as something else whose box is the very field typed into next (its
        // placeholder taken for a button's text) only focused it too — when that box has a text
        // field's shape (four times as wide as high or more), not a button's.
        if o.popup == nil, sameField(o.box, t.box), t.time - o.time <= 4, let b = o.box, b.width >= b.height * 4 { return true }
        guard o.role == nil, o.popup == nil, let field = t.box, t.time - o.time <= 3 else { return false }
        guard let p = o.point ?? o.box?.center else { return false }
        return field.contains(p)
    }

    /// A click that only focused a field, directly followed by typing into it, is part of the fill.
    func dropFocusClicks(_ obs: [Observation]) -> [Observation] {
        var out: [Observation] = []
        for (i, o) in obs.enumerated() {
            if o.kind == .click, let t = Self.typingAfterFocusClicks(obs, from: i), Self.focusedField(click: o, typing: obs[t]) {
                continue
            }
            out.append(o)
        }
        // The fill inherits what the click knew about the field (or, when that click read no
        // name, what another click folded into the same fill read: Aggregator+ButtonTyping).
        var result: [Observation] = []
        for o in out {
            var o = o
            if o.kind == .typing, let c = obs.last(where: { $0.kind == .click
                && ($0.role == .textbox || (o.label == nil && o.placeholder == nil && Self.focusedField(click: $0, typing: o)))
                && $0.time <= o.time && Self.sameField($0.box, o.box) }) {
                let folded = Self.foldedClicks(obs, into: o)
                o.label = o.label ?? c.label ?? folded.lazy.compactMap(\.label).last
                o.placeholder = o.placeholder ?? c.placeholder ?? folded.lazy.compactMap(\.placeholder).last
                o.evidence = c.evidence + o.evidence
            }
            result.append(o)
        }
        return result
    }

    /// Every observation of one field (fills, presses, clicks on it) carries the same label and
    /// placeholder: the reading most observations agree on (OCR of a hint behind a pointer varies).
    /// One place on the screen is not always one field: a multi-step form shows another field
    /// where the last step's was. Two readings that share no more than half their letters are two
    /// fields at one place (an OCR slip changes a letter or two, never the whole label); an
    /// unlabelled observation belongs to the field seen there closest in time.
    func unifyFieldNames(_ obs: [Observation]) -> [Observation] {
        var groups: [[Int]] = []
        let fields = obs.indices.filter { obs[$0].role == .textbox && obs[$0].box != nil }
        for i in fields where obs[i].label != nil {
            let o = obs[i]
            if let g = groups.firstIndex(where: { g in Self.sameField(obs[g[0]].box, o.box)
                && g.contains { j in obs[j].label.map { Self.sameLabel($0, o.label!) } ?? false } }) {
                groups[g].append(i)
            } else { groups.append([i]) }
        }
        for i in fields where obs[i].label == nil {
            let o = obs[i]
            let near = groups.indices.filter { Self.sameField(obs[groups[$0][0]].box, o.box) }
                .min { a, b in
                    groups[a].map { abs(obs[$0].time - o.time) }.min()! < groups[b].map { abs(obs[$0].time - o.time) }.min()!
                }
            if let g = near { groups[g].append(i) } else { groups.append([i]) }
        }
        func vote(_ values: [String?]) -> String? {
            var count: [String: Int] = [:]
            for v in values.compactMap({ $0 }) { count[v, default: 0] += 1 }
            return count.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
        }
        var out = obs
        for g in groups {
            let label = vote(g.map { obs[$0].label }), placeholder = vote(g.map { obs[$0].placeholder })
            for i in g { out[i].label = label ?? out[i].label; out[i].placeholder = placeholder ?? out[i].placeholder }
        }
        return out
    }

    /// Whether two readings of a field's label can be one label read twice (an OCR slip or a
    /// clipped end), not two fields' labels.
    static func sameLabel(_ a: String, _ b: String) -> Bool {
        let x = a.lowercased(), y = b.lowercased()
        return x == y || x.hasPrefix(y) || y.hasPrefix(x) || TextSimilarity.ratio(x, y) >= 0.5
    }

    /// The action for one observation, in viewport coordinates.
    func action(for o: Observation, layout: ScreenLayout) -> Action? {
        let vp = layout.viewport
        func box(_ r: PixelRect?) -> Box? {
            r.map { Box(x: Double($0.x - vp.x), y: Double($0.y - vp.y), width: Double($0.width), height: Double($0.height)) }
        }
        func point(_ p: PixelPoint?) -> Point? { p.map { Point(x: Double($0.x - vp.x), y: Double($0.y - vp.y)) } }
        let inChrome = o.box.map { $0.maxY <= vp.y } ?? false
        // (Text a script matches verbatim keeps only what was read surely: Aggregator+SureText.)
        var target = Target(role: inChrome ? nil : o.role, name: nil, text: Self.withoutTrailingBar(o.text),
                            label: Self.withoutTrailingBar(o.label), placeholder: o.placeholder,
                            context: Self.sureContext(o.context), box: box(o.box), point: point(o.point))
        target.name = target.label ?? target.text ?? o.placeholder
        if o.kind == .click || o.kind == .dblclick || o.kind == .check {
            target.text = Self.withoutStrayQuote(target.text)
            target.label = Self.withoutStrayQuote(target.label)
            target.name = Self.withoutStrayQuote(target.name)
        }
        let kind: ActionKind
        switch o.kind {
        case .click: kind = .click
        case .dblclick: kind = .dblclick
        case .typing: kind = .fill
        case .press: kind = .press
        case .select: kind = .select
        case .check: kind = .check
        case .scroll: kind = .scroll
        case .navigation: return nil
        }
        let needsTarget = kind != .scroll && kind != .press
        if needsTarget && o.box == nil && o.point == nil { return nil }
        return Action(kind: kind, time: (o.time * 1000).rounded() / 1000, endTime: (o.endTime * 1000).rounded() / 1000,
                      target: kind == .scroll ? nil : target, value: o.secret ? nil : o.value, secret: o.secret,
                      confidence: (o.confidence * 100).rounded() / 100,
                      evidence: o.evidence.map { ($0 * 1000).rounded() / 1000 }, appeared: o.appeared, model: o.model)
    }
}
