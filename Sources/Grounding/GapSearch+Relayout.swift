import Foundation
import ScreenCore

/// A toggle clicked just before the list it sits in is laid out again (re-sorted, filtered, a
/// tab switched): the gap search tells a click's new look from a hover look by whether the change
/// stays in the video's next moments, but a re-laid-out list moves the row away, so its look
/// "goes" either way. There the click is tried too, and kept only when its rendering is clearly
/// nearer the video's than the pointer's rest alone was (`toggleOverHover`).
extension Run {
    /// Whether the video between `f1` and the next moment `later` changed in more areas than one
    /// control's look does (`manyAreas`, inside `whole`, frame pixels): a re-layout, after which
    /// an area's look going says nothing about a hover.
    static func relaidOut(_ f1: Image, _ later: Image?, in whole: PixelRect) -> Bool {
        guard let later, later.width == f1.width, later.height == f1.height else { return false }
        return changeBlobs(f1, later, in: whole).count > manyAreas
    }

    /// How much nearer the video a tried click must bring the changed areas than resting the
    /// pointer there did, when the change's staying cannot be told (`relaidOut`).
    static let toggleOverHover = 0.03

    /// Whether a click tried after a hover that explained the change is kept: always when the
    /// change stayed in the video (a toggle's look), only clearly above the hover's own lean
    /// (`hover`) when a re-layout hid it (`hover` non-nil). `like`: the lean the areas must reach
    /// (`pressLike` for a press under the resting pointer, GapSearch+RestPress.swift).
    static func clickKept(lean s1: Double, before s0: Double, hover: Double?, like: Double = areaLike) -> Bool {
        guard s1 >= s0 + areaGain && s1 >= like else { return false }
        return hover.map { s1 >= $0 + toggleOverHover } ?? true
    }
}
