import Browser
import Foundation
import ScreenCore

extension Run {
    /// After the value search found no clear winner on the whole field: the candidates one glyph
    /// away from `current` that rendered no worse (`ValueCompare.duelCandidates`) are judged on that
    /// glyph alone against the video's moment `base` fitted best (`ValueCompare.glyphDuel`); the
    /// first that wins clearly is returned with the reason. Nil: the value stands.
    func glyphWinner(_ current: String, errors: [String: Int], base: InkScore, grays: [String: [Double]], video: [Double],
                     width: Int, height: Int, slack: Int = 0) -> (value: String, why: String)? {
        guard let mine = grays[current] else { return nil }
        for c in ValueCompare.duelCandidates(current, errors: errors, currentError: base.error, slack: slack) where Self.caseAnomalies(c) <= Self.caseAnomalies(current) {
            guard let theirs = grays[c],
                  case let span = ValueCompare.differingSpan(current, c),
                  let duel = ValueCompare.glyphDuel(current: mine, candidate: theirs, video: video, width: width, height: height,
                                                    glyphs: max(span.a.count, span.b.count), atEnd: span.atEnd) else { continue }
            debug("live: value \"\(c)\" against \"\(current)\" on the glyph they differ in: \(Self.f2(duel.candidate)) against \(Self.f2(duel.current)) (the two \(Self.f2(duel.apart)) apart)")
            if ValueCompare.winsDuel(duel) {
                return (c, "the glyph it differs in renders as the video's field shows it (\(Self.f2(duel.candidate)) against \(Self.f2(duel.current)) ink off there; the whole field \(errors[c] ?? 0) against \(base.error))")
            }
        }
        return nil
    }

    /// Whether the field's text is scrolled sideways (its start out of sight), as after typing a
    /// value longer than the field is wide.
    func fieldScrolled(_ el: ElementHandle) async throws -> Bool {
        try await browser.execute("return arguments[0].scrollLeft > 0;", [JSONValue(element: el)]).bool ?? false
    }
}
