// A button's section heading left to the spare core that reads its band. The band (the
// viewport's height beside the button) is the costliest OCR read of a segment, and its heading
// is needed by nothing the analyst does next — only by the click's observation, in the segment's
// result. So when a spare core is reading the band already (`columnLinesAhead` said so), the
// analyst goes on with the segment and takes the heading when the segment ends: the next click's
// reads (and its own band) run beside it instead of after it. The heading is the one the band's
// reading gives either way (same crop, same mode, same rule), so observations do not change.

import ScreenCore

extension SegmentAnalyst {
    /// Which heading rule a deferred band answers.
    enum DeferredHeading: Sendable {
        /// `boundedSectionHeading`: no copy in view, a heading above and one of the same look below.
        case bounded
        /// `sectionHeading` below `floor` beside stacked copies, `otherwise` (the row's text) when none.
        case section(floor: Int?, otherwise: String?)
    }

    /// What every deferred context starts with: no reading holds a control character.
    static let deferredMark = "\u{1}deferred "

    /// Starts the heading rule `rule` on the band beside `box` (`columnLines`, which takes the read
    /// ahead) and returns the context that stands for its answer until `resolvedContext` takes it.
    /// Only call it when the band is under way on a spare core (`columnLinesAhead` returned true).
    func deferredContext(_ rule: DeferredHeading, of box: PixelRect, text: String, in image: Image) -> String {
        let token = Self.deferredMark + "\(deferredContexts.count)"
        let band = columnBand(beside: box)
        let reader = self.reader, index = span.index, top = layout.viewport.y
        deferredContexts[token] = Task { () async throws -> String? in
            var lines: [(text: String, box: PixelRect)]?
            if let band { lines = try await TextRegions.readLines(band, in: image, reader: reader, minConfidence: 60) }
            switch rule {
            case .bounded:
                guard let lines else { return nil }
                let heading = SegmentAnalyst.boundedSectionHeading(lines, element: box, text: text)
                Debug.log("seg \(index) bounded section heading of \(box): \(heading ?? "-") among \(lines.count) lines")
                return heading
            case .section(let floor, let otherwise):
                guard let lines else { return otherwise }
                let heading = SegmentAnalyst.sectionHeading(lines, element: box, text: text, floor: floor ?? top)
                Debug.log("seg \(index) section heading of \(box) (floor \(floor.map(String.init) ?? "-")): \(heading ?? "-") among \(lines.count) lines")
                return heading ?? otherwise
            }
        }
        return token
    }

    /// Whether the heading rule about to read the column band beside `box` may leave it to a
    /// spare core (`deferredContext`): only when deferring is allowed (`allowed`) and the band is
    /// under way there. `ahead` says whether it was announced and taken already (the search's
    /// first offer, when it began); if not, and the rule will read it (`needed`), it is offered
    /// once more now — the core that was busy then (another agent, another read ahead) may be
    /// free by now — and `ahead` records the answer. Without a spare core (`--agents 1`) nothing
    /// is offered and the agent reads the band itself, as before. Same crop, same reading.
    func bandDeferrable(_ allowed: Bool, ahead: inout Bool, needed: Bool, beside box: PixelRect, in image: Image) -> Bool {
        guard allowed else { return false }
        if !ahead, needed { ahead = columnLinesAhead(beside: box, in: image) }
        return ahead
    }

    /// `context` itself, or the heading it stands for once its band is read.
    func resolvedContext(_ context: String?) async throws -> String? {
        guard let c = context, let task = deferredContexts[c] else { return context }
        return try await task.value
    }

    /// Puts every deferred heading in its observation, and waits for those no observation kept
    /// (an unowned click's), so that no reading of the segment outlives it.
    func resolveDeferredContexts() async throws {
        guard !deferredContexts.isEmpty else { return }
        for i in observations.indices {
            observations[i].context = try await resolvedContext(observations[i].context)
        }
        for task in deferredContexts.values { _ = try await task.value }
        deferredContexts = [:]
    }
}
