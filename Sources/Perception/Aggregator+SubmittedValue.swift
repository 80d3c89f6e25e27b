import ScreenCore

extension Aggregator {
    /// A typed value checked against the same text drawn again after it was submitted: the item a
    /// todo list adds, the row a form creates. The page's line is read large and surely (an
    /// assertion needs every word sure), the field's reading is taken under a caret and a resting
    /// I-beam and loses a letter now and then ("Cal the dentist" for "Call the dentist"). When the
    /// action right after the fill (its Enter, its submit click, within `navigationWindow`) made
    /// a line appear that is the typed value with one or two letters more inside it — the same
    /// first and last character, every typed character in order — that line is the value, and the
    /// field's reading becomes an alternative. Text the page adds around a value (a bullet, a
    /// count) changes its ends and is left alone; so are values shorter than four characters.
    static func valuesSeenAfterSubmit(_ actions: [Action]) -> [Action] {
        var out = actions
        for i in out.indices where out[i].kind == .fill && !out[i].secret && i + 1 < out.count {
            guard case .text(let typed)? = out[i].value, typed.count >= 4 else { continue }
            let next = out[i + 1]
            guard next.kind == .press || next.kind == .click, next.time - out[i].endTime <= 3 else { continue }
            let fuller = next.appeared.filter { Self.isTyped(typed, withLettersLostFrom: $0) }
            guard fuller.count == 1, let line = fuller.first else { continue }
            out[i].value = .text(line)
            if !out[i].alternatives.contains(typed) { out[i].alternatives.insert(typed, at: 0) }
        }
        return out
    }

    /// Whether `typed` is `line` read with one or two characters lost inside it.
    static func isTyped(_ typed: String, withLettersLostFrom line: String) -> Bool {
        let extra = line.count - typed.count
        guard (1...2).contains(extra), typed.first == line.first, typed.last == line.last else { return false }
        var it = line.makeIterator()
        for c in typed {
            var found = false
            while let l = it.next() { if l == c { found = true; break } }
            if !found { return false }
        }
        return true
    }
}
