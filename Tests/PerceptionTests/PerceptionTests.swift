import Foundation
import XCTest
import ScreenCore
@testable import Perception

final class PerceptionTests: XCTestCase {
    let layout = ScreenLayout.fullFrame(width: 640, height: 400)

    // MARK: motion signal and pointer

    func testPointerMotionIsNotActivityAndItsRestIsFound() {
        let page = Canvas().with { $0.text(x: 40, y: 40, glyphs: 10) }
        var images: [Image] = []
        for i in 0...12 { images.append(page.with { $0.pointer(at: PixelPoint(x: 100 + i * 16, y: 300 - i * 12)) }.image) }
        for _ in 0..<10 { images.append(images.last!) }
        var m = MotionAnalyzer(scale: 1)
        var samples: [MotionSample] = []
        for f in frames(images) { if let s = m.feed(time: f.time, image: f.images[0]) { samples.append(s) } }
        if let s = m.finish() { samples.append(s) }
        XCTAssertTrue(samples.allSatisfy { !$0.isActive }, "pointer motion counted as activity: \(samples.filter(\.isActive).map(\.time))")
        XCTAssertTrue(samples.contains { $0.pointerMoved })
        let rest = samples.last!.pointer!
        XCTAssertLessThan(abs(rest.x - 298) + abs(rest.y - 165), 24, "rest at \(rest)")
        // The locator finds the arrow's tip against a frame without it.
        let fix = PointerLocator.locate(in: images.last!, reference: page.image, near: rest)
        XCTAssertNotNil(fix)
        XCTAssertLessThan(abs(fix!.hotSpot.x - 292) + abs(fix!.hotSpot.y - 156), 6, "hot spot \(fix!.hotSpot)")
    }

    func testBlinkingCaretIsQuietButTypingIsNot() {
        let page = Canvas()
        var images: [Image] = []
        for i in 0..<90 { images.append(page.with { if (i / 15) % 2 == 0 { $0.fill(PixelRect(x: 200, y: 100, width: 1, height: 16), 0) } }.image) }
        var m = MotionAnalyzer(scale: 1)
        var active: [Double] = []
        for f in frames(images) { if let s = m.feed(time: f.time, image: f.images[0]), s.isActive { active.append(s.time) } }
        XCTAssertLessThanOrEqual(active.count, 1, "caret blinks counted as activity at \(active)")
        // Keystrokes: glyphs appearing one by one every 4 frames are activity.
        var typed: [Image] = []
        for i in 0..<40 { typed.append(page.with { $0.text(x: 100, y: 100, glyphs: i / 4) }.image) }
        var m2 = MotionAnalyzer(scale: 1)
        var n = 0
        for f in frames(typed) { if let s = m2.feed(time: f.time, image: f.images[0]), s.isActive { n += 1 } }
        XCTAssertGreaterThanOrEqual(n, 8)
    }

    // MARK: planning

    func testPlannerCutsOnlyAtQuietMomentsAndSkipsIdleStretches() {
        let active: [ClosedRange<Double>] = [1.0...2.0, 2.8...3.5, 8.0...9.0, 12.0...18.4, 18.7...25.0]
        let samples = stride(from: 0.0, to: 30.0, by: 1.0 / 30).map { t in
            MotionSample(time: t, contentPixels: active.contains { $0.contains(t) } ? 500 : 0)
        }
        let plan = SegmentPlanner().plan(samples, duration: 30)
        XCTAssertGreaterThanOrEqual(plan.segments.count, 3)
        XCTAssertEqual(plan.cuts.count, plan.segments.count - 1)
        // No cut inside a burst except at its lull; every active time is owned by one segment.
        for c in plan.cuts {
            let inside = active.contains { $0.lowerBound < c.time - 0.1 && c.time + 0.1 < $0.upperBound }
            XCTAssertFalse(inside, "cut at \(c.time) (\(c.reason)) splits a burst")
        }
        for s in samples where s.isActive {
            XCTAssertEqual(plan.segments.filter { $0.owns(s.time) }.count, 1, "time \(s.time)")
        }
        // The long burst (12–25 s) is split at its lull, and said so.
        XCTAssertTrue(plan.cuts.contains { abs($0.time - 18.55) < 0.2 && $0.reason.contains("lull") }, "\(plan.cuts)")
        // The idle stretch 9–12 s is nobody's work, and the close bursts at 1–3.5 s share a segment.
        XCTAssertFalse(plan.segments.contains { $0.decodeStart < 9.6 && $0.decodeEnd > 11.4 })
        XCTAssertEqual(plan.segments.filter { $0.owns(1.5) || $0.owns(3.0) }.count, 1)
        XCTAssertTrue(plan.cuts.contains { $0.reason.hasPrefix("idle") })
    }

    func testForARemoteModelEveryQuietMomentIsACut() {
        let active: [ClosedRange<Double>] = [1.0...2.0, 2.8...3.5, 8.0...9.0, 12.0...18.4, 18.7...25.0]
        let samples = stride(from: 0.0, to: 30.0, by: 1.0 / 30).map { t in
            MotionSample(time: t, contentPixels: active.contains { $0.contains(t) } ? 500 : 0)
        }
        let coarse = SegmentPlanner().plan(samples, duration: 30)
        var planner = SegmentPlanner()
        planner.cutAtEveryQuiet = true
        let fine = planner.plan(samples, duration: 30)
        XCTAssertGreaterThan(fine.segments.count, coarse.segments.count)
        // The close bursts at 1–3.5 s are two segments now, and the cut between them says why.
        XCTAssertEqual(fine.segments.filter { $0.owns(1.5) || $0.owns(3.0) }.count, 2)
        XCTAssertTrue(fine.cuts.contains { $0.reason.contains("every quiet moment") }, "\(fine.cuts)")
        // Long bursts are split until no piece is longer than fineMaxSpan; every active time has one owner.
        for s in samples where s.isActive { XCTAssertEqual(fine.segments.filter { $0.owns(s.time) }.count, 1) }
        let activeIn = fine.segments.map { seg in samples.filter { $0.isActive && seg.owns($0.time) }.map(\.time) }
        for t in activeIn where !t.isEmpty { XCTAssertLessThanOrEqual(t.last! - t.first!, planner.fineMaxSpan + 0.05) }
    }

    func testForARemoteModelDistinctActionsInOneBurstAreCutApart() {
        // Typing in a field (1.0–1.6 s, the pointer still), the pointer travels (1.65–1.9 s), a
        // click far away changes a button (2.0–2.1 s): no quiet of 0.5 s, so one burst.
        var samples: [MotionSample] = []
        for t in stride(from: 0.0, to: 4.0, by: 1.0 / 30) {
            var s = MotionSample(time: t)
            if t >= 1.0 && t <= 1.6 && Int((t * 30).rounded()) % 4 == 0 {
                s.contentPixels = 60; s.contentBox = PixelRect(x: 100 + Int(t * 40), y: 200, width: 10, height: 20)
            }
            if t > 1.64 && t < 1.9 { s.pointerMoved = true; s.pointer = PixelPoint(x: 400, y: 300) }
            if t >= 2.0 && t <= 2.1 { s.contentPixels = 400; s.contentBox = PixelRect(x: 380, y: 290, width: 80, height: 30) }
            samples.append(s)
        }
        var planner = SegmentPlanner()
        planner.cutAtEveryQuiet = true
        XCTAssertEqual(planner.plan(samples, duration: 4).segments.count, 1)
        planner.cutBetweenActions = true
        let plan = planner.plan(samples, duration: 4)
        XCTAssertEqual(plan.segments.count, 2, "\(plan.cuts)")
        XCTAssertEqual(plan.cuts.count, 1)
        XCTAssertTrue(plan.cuts[0].reason.hasPrefix("between actions"), plan.cuts[0].reason)
        XCTAssertTrue(plan.cuts[0].time > 1.6 && plan.cuts[0].time < 2.0, "\(plan.cuts[0].time)")
        for s in samples where s.isActive { XCTAssertEqual(plan.segments.filter { $0.owns(s.time) }.count, 1) }
        // The typing alone (same place, the pointer still) is never cut, and the embedded plan ignores the flag.
        let typing = samples.map { s -> MotionSample in var s = s; if s.time >= 1.9 { s.contentPixels = 0; s.contentBox = nil }; return s }
        XCTAssertEqual(planner.plan(typing, duration: 4).segments.count, 1)
        var coarse = SegmentPlanner()
        coarse.cutBetweenActions = false
        XCTAssertEqual(coarse.plan(samples, duration: 4), SegmentPlanner().plan(samples, duration: 4))
    }

    func testNothingHappeningPlansNothing() {
        let samples = stride(from: 0.0, to: 5.0, by: 1.0 / 30).map { MotionSample(time: $0) }
        XCTAssertTrue(SegmentPlanner().plan(samples, duration: 5).segments.isEmpty)
    }

    // MARK: scrolling

    func testScrollEstimatorMeasuresDirectionAndPixels() {
        var page = Canvas(width: 400, height: 900)
        for row in 0..<40 { page.text(x: 20 + (row * 37) % 200, y: 10 + row * 22, glyphs: 3 + (row * 7) % 12, height: 10) }
        let view = PixelRect(x: 0, y: 0, width: 400, height: 500)
        let top = page.image.cropped(to: view)
        let down = page.image.cropped(to: PixelRect(x: 0, y: 120, width: 400, height: 500))
        let full = PixelRect(x: 0, y: 0, width: 400, height: 500)
        XCTAssertEqual(ScrollEstimator.shift(from: top, to: down, region: full)?.pixels, 120)
        XCTAssertEqual(ScrollEstimator.shift(from: down, to: top, region: full)?.pixels, -120)
        XCTAssertNil(ScrollEstimator.shift(from: top, to: top, region: full))
        // A different page is not a scroll.
        let other = Canvas(width: 400, height: 500).with { $0.text(x: 50, y: 200, glyphs: 20) }.image
        XCTAssertNil(ScrollEstimator.shift(from: top, to: other, region: full))
    }

    /// The flood fill behind elements and containers gives what it gave with a stack of pixel
    /// pairs and a neighbour array per pixel (`referenceFlood`): the same box, area and cap —
    /// also where it stops at `maxArea`, which depends on the order pixels are visited in.
    func testFloodMatchesTheReference() {
        var c = Canvas(width: 300, height: 200)
        c.fill(PixelRect(x: 20, y: 20, width: 160, height: 90), 230)
        c.outline(PixelRect(x: 20, y: 20, width: 160, height: 90), 120)
        c.fill(PixelRect(x: 40, y: 40, width: 60, height: 24), 90)
        c.text(x: 45, y: 46, glyphs: 5, v: 250)
        c.outline(PixelRect(x: 200, y: 30, width: 18, height: 18), 60)
        c.text(x: 30, y: 130, glyphs: 20)
        c.pointer(at: PixelPoint(x: 60, y: 80))
        let pointer = PixelRect(x: 60, y: 80, width: 12, height: 18)
        let bounds = [PixelRect(x: 0, y: 0, width: 300, height: 200), PixelRect(x: 10, y: 15, width: 250, height: 170)]
        var runs = 0
        for b in bounds {
            for seed in [PixelPoint(x: 30, y: 30), PixelPoint(x: 50, y: 45), PixelPoint(x: 205, y: 35), PixelPoint(x: 250, y: 150),
                         PixelPoint(x: 65, y: 90), PixelPoint(x: 62, y: 84)] where b.contains(seed) {
                for avoid in [nil, pointer] as [PixelRect?] {
                    for maxArea in [50, 1200, 9000, b.area / 2] {
                        let fast = ElementFinder.flood(from: seed, in: c.image, bounds: b, avoid: avoid, maxArea: maxArea)
                        let ref = Self.referenceFlood(from: seed, in: c.image, bounds: b, avoid: avoid, maxArea: maxArea)
                        XCTAssertTrue(fast == ref, "\(seed) \(b) \(String(describing: avoid)) \(maxArea): \(fast) vs \(ref)")
                        runs += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(runs, 60)
    }

    /// The same on noisy screens with smooth gradients (regions that leak through tolerance steps),
    /// seeds anywhere, bounds not at the origin and every cap — the visiting order decides where a
    /// capped region stops, so any change in it shows.
    func testFloodMatchesTheReferenceOnNoisyScreens() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(n)) }
        var runs = 0, capped = 0
        for _ in 0..<6 {
            let w = 120 + next(80), h = 90 + next(60)
            var px = [UInt8](repeating: 0, count: w * h)
            for y in 0..<h { for x in 0..<w { px[y * w + x] = UInt8(min(255, (x + y) / 3 + (next(9) == 0 ? next(40) : 0))) } }
            let image = Image(width: w, height: h, format: .gray8, pixels: px)
            for _ in 0..<12 {
                let b = PixelRect(x: next(10), y: next(10), width: w - 10 - next(10), height: h - 10 - next(10))
                let seed = PixelPoint(x: b.x + next(b.width), y: b.y + next(b.height))
                let avoid: PixelRect? = next(2) == 0 ? nil : PixelRect(x: seed.x - 4, y: seed.y - 6, width: 12, height: 18)
                for maxArea in [1, 37, 400, b.area / 2, b.area] {
                    let fast = ElementFinder.flood(from: seed, in: image, bounds: b, avoid: avoid, maxArea: maxArea)
                    let ref = Self.referenceFlood(from: seed, in: image, bounds: b, avoid: avoid, maxArea: maxArea)
                    XCTAssertTrue(fast == ref, "\(seed) \(b) \(String(describing: avoid)) \(maxArea): \(fast) vs \(ref)")
                    runs += 1
                    if ref.2 { capped += 1 }
                }
            }
        }
        XCTAssertEqual(runs, 360)
        XCTAssertGreaterThan(capped, 40, "the caps must be reached often enough to test the order")
        // A window large enough for the visited map to be mapped from the kernel (`VisitedMap`).
        let (w, h) = (760, 420)
        XCTAssertGreaterThanOrEqual(w * h, VisitedMap.mapFrom)
        var px = [UInt8](repeating: 240, count: w * h)
        for y in stride(from: 30, to: h, by: 45) { for x in 0..<w { px[y * w + x] = 120 } }
        for y in 0..<h { for x in 0..<w where next(25) == 0 { px[y * w + x] = UInt8(next(256)) } }
        let image = Image(width: w, height: h, format: .gray8, pixels: px)
        let b = PixelRect(x: 0, y: 0, width: w, height: h)
        for seed in [PixelPoint(x: 5, y: 5), PixelPoint(x: 400, y: 60), PixelPoint(x: 700, y: 400)] {
            for maxArea in [50, 5000, b.area / 3] {
                let fast = ElementFinder.flood(from: seed, in: image, bounds: b, avoid: nil, maxArea: maxArea)
                let ref = Self.referenceFlood(from: seed, in: image, bounds: b, avoid: nil, maxArea: maxArea)
                XCTAssertTrue(fast == ref, "\(seed) \(maxArea): \(fast) vs \(ref)")
            }
        }
    }

    static func referenceFlood(from seed: PixelPoint, in image: Image, bounds: PixelRect, avoid: PixelRect?,
                               maxArea: Int) -> (PixelRect, Int, Bool) {
        let w = bounds.width, h = bounds.height
        var seen = [Bool](repeating: false, count: w * h)
        let target = Int(image.luma(x: seed.x, y: seed.y))
        var stack = [(seed.x, seed.y)]
        seen[(seed.y - bounds.y) * w + seed.x - bounds.x] = true
        var minX = seed.x, maxX = seed.x, minY = seed.y, maxY = seed.y, area = 0
        let av = avoid ?? PixelRect(x: -10, y: -10, width: 0, height: 0)
        while let (x, y) = stack.popLast() {
            area += 1
            if area > maxArea { return (PixelRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1), area, true) }
            if !av.contains(PixelPoint(x: x, y: y)) { minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y) }
            for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)] {
                guard nx >= bounds.x, ny >= bounds.y, nx < bounds.maxX, ny < bounds.maxY else { continue }
                let i = (ny - bounds.y) * w + nx - bounds.x
                if seen[i] { continue }
                let d = abs(Int(image.luma(x: nx, y: ny)) - target)
                if d <= ElementFinder.tolerance || (d > 90 && av.contains(PixelPoint(x: nx, y: ny))) { seen[i] = true; stack.append((nx, ny)) }
            }
        }
        return (PixelRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1), area, false)
    }

    /// The shift search stops summing a shift's differences once it cannot beat the best so far;
    /// it must pick exactly what the full search picks (`referenceShift`: every sum in full).
    func testScrollEstimatorMatchesTheFullSearch() {
        var page = Canvas(width: 420, height: 1200)
        for row in 0..<52 { page.text(x: 12 + (row * 53) % 240, y: 8 + row * 23, glyphs: 2 + (row * 5) % 14, height: 9 + row % 4) }
        var pairs: [(Image, Image, PixelRect, Int?)] = []
        for (dy, dx, maxShift) in [(1, 0, 60), (7, 0, nil), (120, 0, nil), (60, 3, nil)] as [(Int, Int, Int?)] {
            let a = page.image.cropped(to: PixelRect(x: 0, y: 200, width: 400, height: 260))
            let b = page.image.cropped(to: PixelRect(x: dx, y: 200 + dy, width: 400, height: 260))
            let region = dy % 2 == 0 ? PixelRect(x: 0, y: 0, width: 400, height: 260) : PixelRect(x: 30, y: 41, width: 300, height: 181)
            pairs.append((a, b, region, maxShift)); pairs.append((b, a, region, maxShift))
        }
        // A fixed header over a scrolled body, and noise that makes close calls.
        var noisy = page.image.cropped(to: PixelRect(x: 0, y: 300, width: 400, height: 260))
        for i in stride(from: 0, to: noisy.pixels.count, by: 97) { noisy.pixels[i] = UInt8((Int(noisy.pixels[i]) + 37 * (i % 5)) % 256) }
        var header = page.image.cropped(to: PixelRect(x: 0, y: 240, width: 400, height: 260))
        for y in 0..<40 { for x in 0..<400 { header.pixels[y * header.bytesPerRow + x] = noisy.pixels[y * noisy.bytesPerRow + x] } }
        pairs.append((noisy, header, PixelRect(x: 0, y: 0, width: 400, height: 260), nil))
        pairs.append((header, noisy, PixelRect(x: 0, y: 0, width: 400, height: 260), 100))
        var found = 0
        for (i, (a, b, region, maxShift)) in pairs.enumerated() {
            let fast = ScrollEstimator.shift(from: a, to: b, region: region, maxShift: maxShift)
            let full = Self.referenceShift(from: a, to: b, region: region, maxShift: maxShift)
            XCTAssertEqual(fast, full, "pair \(i)")
            if fast != nil { found += 1 }
        }
        XCTAssertGreaterThan(found, 4)
    }

    /// The shift search as first written: every shift's sum in full.
    static func referenceShift(from before: Image, to after: Image, region: PixelRect, maxShift: Int?) -> ScrollEstimator.Shift? {
        let r = region.intersection(PixelRect(x: 0, y: 0, width: min(before.width, after.width), height: min(before.height, after.height)))
        guard r.height >= 40, r.width >= 40 else { return nil }
        let cols = 64, h = r.height
        let xs = (0..<cols).map { r.x + ($0 * r.width) / cols + r.width / (2 * cols) }
        var a = [Int](repeating: 0, count: h * cols), b = a
        for y in 0..<h { for (i, x) in xs.enumerated() { a[y * cols + i] = Int(before.luma(x: x, y: r.y + y)); b[y * cols + i] = Int(after.luma(x: x, y: r.y + y)) } }
        let informative = (0..<h).map { y in b[(y * cols)..<(y * cols + cols)].max()! - b[(y * cols)..<(y * cols + cols)].min()! > 12 }
        let limit = min(maxShift ?? (h * 3 / 4), h * 3 / 4)
        func cost(_ dy: Int) -> Double? {
            var sum = 0, n = 0
            for y in stride(from: max(0, -dy), to: min(h, h - dy), by: 2) where informative[y] {
                for i in 0..<cols { sum += abs(a[(y + dy) * cols + i] - b[y * cols + i]) }
                n += cols
            }
            return n >= cols * 8 ? Double(sum) / Double(n) : nil
        }
        guard let zero = cost(0), zero > 1.5 else { return nil }
        var best = 0, bestCost = zero
        for dy in -limit...limit where dy != 0 { if let c = cost(dy), c < bestCost { bestCost = c; best = dy } }
        guard best != 0, bestCost / zero < 0.3 else { return nil }
        var good = 0, n = 0
        for y in stride(from: max(0, -best), to: min(h, h - best), by: 2) where informative[y] {
            n += 1
            var sum = 0
            for i in 0..<cols { sum += abs(a[(y + best) * cols + i] - b[y * cols + i]) }
            if sum <= cols * 4 { good += 1 }
        }
        return n > 0 && good * 10 >= n * 7 ? ScrollEstimator.Shift(pixels: best, residual: bestCost / zero) : nil
    }

    // MARK: the embedded model on synthetic segments

    /// A page with a labelled field; the pointer comes, clicks (the ring darkens), types five
    /// letters, deletes two and types one more, then moves away.
    func fieldSession() -> [Image] {
        let field = PixelRect(x: 100, y: 100, width: 300, height: 36)
        let page = Canvas().with { c in
            c.text(x: 100, y: 80, glyphs: 5, height: 10)          // the label above
            c.fill(field, 255); c.outline(field, 180)
        }
        var images: [Image] = []
        for i in 0...10 { images.append(page.with { $0.pointer(at: PixelPoint(x: 500 - i * 27, y: 300 - i * 18)) }.image) }
        let tip = PixelPoint(x: 230, y: 120)
        for _ in 0..<6 { images.append(page.with { $0.pointer(at: tip) }.image) }
        let focused = page.with { $0.outline(field, 40); $0.outline(field.insetBy(1), 40) }
        for _ in 0..<20 { images.append(focused.with { $0.pointer(at: tip) }.image) }
        let lengths = [1, 2, 3, 4, 5, 4, 3, 4]
        for n in lengths {
            for _ in 0..<5 { images.append(focused.with { $0.text(x: 108, y: 112, glyphs: n); $0.pointer(at: tip) }.image) }
        }
        for _ in 0..<40 { images.append(focused.with { $0.text(x: 108, y: 112, glyphs: 4); $0.pointer(at: tip) }.image) }
        return images
    }

    func testClickOnFieldAndKeystrokesWithBackspacesBecomeOneFill() async throws {
        let all = frames(fieldSession())
        let tools = FakeTools(all: all, reader: FakeReader { _ in "Email" }, field: { _, _ in "abcd" })
        let segment = Segment(index: 0, start: 0, end: 100, decodeStart: 0, decodeEnd: all.last!.time + 0.01)
        let obs = try await EmbeddedVisionModel().analyse(segment: SegmentContext(segment: segment, layout: layout, motion: [], frameRate: 30),
                                                          tools: tools)
        let clicks = obs.filter { $0.kind == .click }, typing = obs.filter { $0.kind == .typing }
        XCTAssertEqual(clicks.count, 1, "\(obs.map(\.kind))")
        XCTAssertEqual(clicks.first?.role, .textbox)
        XCTAssertEqual(typing.count, 1, "keystrokes and backspaces are one run: \(obs.map(\.kind))")
        XCTAssertEqual(typing.first?.value, .text("abcd"))
        XCTAssertEqual(typing.first?.label, "Email")
        let (actions, _) = Aggregator().aggregate(obs, layout: layout)
        XCTAssertEqual(actions.map(\.kind), [.fill], "the focusing click is part of the fill")
        XCTAssertEqual(actions.first?.target?.label, "Email")
    }

    func testAClickOnAFieldsPlaceholderTextIsPartOfTheFill() {
        let field = PixelRect(x: 100, y: 100, width: 300, height: 40)
        let hint = PixelRect(x: 110, y: 112, width: 120, height: 16)
        let obs = [
            Observation(kind: .click, time: 2.5, segment: 0, point: PixelPoint(x: 150, y: 120), box: hint, text: "name@company.com"),
            Observation(kind: .typing, time: 3.1, endTime: 7, segment: 0, box: field, role: .textbox, label: "Email",
                        value: .text("lena@acme.studio"), confidence: 0.8),
            Observation(kind: .click, time: 9, segment: 0, point: PixelPoint(x: 150, y: 300), box: PixelRect(x: 110, y: 290, width: 80, height: 16), text: "Help"),
        ]
        let (actions, _) = Aggregator().aggregate(obs, layout: layout)
        XCTAssertEqual(actions.map(\.kind), [.fill, .click], "the click on the hint only focused the field; a later click on bare text stays")
        // Bare text outside the field (its label) is a click of its own.
        let label = [
            Observation(kind: .click, time: 2.5, segment: 0, point: PixelPoint(x: 150, y: 90), box: PixelRect(x: 100, y: 82, width: 50, height: 14), text: "Email"),
            obs[1],
        ]
        XCTAssertEqual(Aggregator().aggregate(label, layout: layout).0.map(\.kind), [.click, .fill])
    }

    func testAppearedTextIsOnlyCleanUnclippedLines() {
        let crop = PixelRect(x: 0, y: 100, width: 600, height: 200)
        let inside = PixelRect(x: 50, y: 150, width: 200, height: 20)
        XCTAssertEqual(SegmentAnalyst.assertable("Good morning, Lena", box: inside, crop: crop), "Good morning, Lena")
        XCTAssertEqual(SegmentAnalyst.assertable("1 item left", box: inside, crop: crop), "1 item left")
        XCTAssertEqual(SegmentAnalyst.assertable("L Ledger", box: inside, crop: crop), "Ledger", "a logo letter is dropped")
        XCTAssertEqual(SegmentAnalyst.assertable("©) orbit Conf 2025", box: inside, crop: crop), "orbit Conf 2025")
        XCTAssertNil(SegmentAnalyst.assertable("trel Outdoor", box: PixelRect(x: 1, y: 150, width: 100, height: 20), crop: crop),
                     "a line cut by the crop's edge is not a whole line")
        XCTAssertEqual(SegmentAnalyst.assertable("y Cart @ ¥", box: inside, crop: crop), "Cart", "icon marks at the ends go")
        XCTAssertNil(SegmentAnalyst.assertable("Total (3 items", box: inside, crop: crop), "an unbalanced bracket is a misread")
        XCTAssertNil(SegmentAnalyst.assertable("Tot¥l due", box: inside, crop: crop))
    }

    func testAMarkChangingInsideAButtonIsNoCheckbox() {
        let button = FoundElement(box: PixelRect(x: 149, y: 596, width: 111, height: 40), shape: .box, background: 60)
        XCTAssertTrue(SegmentAnalyst.holdsControl(button, PixelRect(x: 170, y: 618, width: 13, height: 10)))
        let row = FoundElement(box: PixelRect(x: 100, y: 200, width: 20, height: 20), shape: .box, background: 255)
        XCTAssertFalse(SegmentAnalyst.holdsControl(row, PixelRect(x: 102, y: 202, width: 16, height: 16)), "the checkbox itself")
        let text = FoundElement(box: PixelRect(x: 149, y: 596, width: 111, height: 40), shape: .text, background: 255)
        XCTAssertFalse(SegmentAnalyst.holdsControl(text, PixelRect(x: 170, y: 618, width: 13, height: 10)))
    }

    func testASquareWithInkInsideInBothStatesIsAButtonNotACheckbox() {
        // A checkbox: plain inside before, a tick after (the pointer's tip over part of it).
        let box = PixelRect(x: 100, y: 100, width: 16, height: 16)
        var off = Canvas(background: 255)
        off.outline(box, 90)
        let on = off.with { $0.fill(box.insetBy(3), 40); $0.pointer(at: PixelPoint(x: 110, y: 110)) }
        let pointer = PixelRect(x: 110, y: 110, width: 12, height: 18)
        let b = ElementFinder.visibleFill(of: box, in: off.image, avoid: [])
        let a = ElementFinder.visibleFill(of: box, in: on.image, avoid: [pointer])
        XCTAssertEqual(b ?? -1, 0, accuracy: 0.01)
        XCTAssertGreaterThan(a ?? 0, 0.5, "the pointer's pixels are left out")
        XCTAssertFalse(SegmentAnalyst.inkedInBothStates(before: b, after: a))
        // A copy button: a glyph inside before (❐) and after (✓).
        let button = PixelRect(x: 300, y: 100, width: 28, height: 28)
        var copy = Canvas(background: 246)
        copy.fill(button, 255); copy.outline(button, 200)
        copy.outline(PixelRect(x: 310, y: 110, width: 8, height: 8), 40)
        var done = Canvas(background: 246)
        done.fill(button, 255); done.outline(button, 30)
        for i in 0..<8 { done.fill(PixelRect(x: 308 + i, y: 118 - abs(i - 3), width: 2, height: 2), 30) }
        let cb = ElementFinder.visibleFill(of: button, in: copy.image, avoid: [])
        let ca = ElementFinder.visibleFill(of: button, in: done.image, avoid: [])
        XCTAssertTrue(SegmentAnalyst.inkedInBothStates(before: cb, after: ca), "\(cb ?? -1) \(ca ?? -1)")
        // Too little of it clear of the pointer: nothing to judge by.
        XCTAssertNil(ElementFinder.visibleFill(of: box, in: on.image, avoid: [box]))
        XCTAssertFalse(SegmentAnalyst.inkedInBothStates(before: 0.4, after: nil))
    }

    func testUpscalingKeepsTheCropsTones() {
        let g = Image(width: 3, height: 2, format: .gray8, pixels: [0, 255, 0, 255, 0, 255])
        let u = TextRegions.upscaled(g)
        XCTAssertEqual(u.width, 6); XCTAssertEqual(u.height, 4)
        XCTAssertEqual(u.pixels[0], 0, "a corner keeps its value")
        XCTAssertTrue(u.pixels.allSatisfy { $0 <= 255 })
        XCTAssertGreaterThan(u.pixels[2], u.pixels[0], "between dark and light it interpolates")
    }

    func testAControlIsToggledOnlyWhenTheEventChangedIt() {
        let box = PixelRect(x: 310, y: 299, width: 16, height: 16)
        XCTAssertTrue(SegmentAnalyst.changeTouches(box, [PixelRect(x: 309, y: 298, width: 184, height: 162)]))
        XCTAssertFalse(SegmentAnalyst.changeTouches(box, [PixelRect(x: 344, y: 400, width: 196, height: 16)]),
                       "a counter changing elsewhere is not this checkbox's toggle")
    }

    func testASecondReadingOfTheSameAddressIsNoGoto() {
        let layout = ScreenLayout(frameWidth: 640, frameHeight: 400, window: PixelRect(x: 0, y: 0, width: 640, height: 400),
                                  viewport: PixelRect(x: 0, y: 80, width: 640, height: 320), startURL: "http://x.test/app/")
        let b = PixelRect(x: 300, y: 300, width: 100, height: 30)
        let obs = [
            Observation(kind: .click, time: 5, segment: 0, point: PixelPoint(x: 320, y: 310), box: b, role: .button, text: "Sign in"),
            Observation(kind: .navigation, time: 5.5, segment: 0, url: "http://x.test/app/home.htm"),
            Observation(kind: .navigation, time: 9.5, segment: 1, url: "http://x.test/app/home.html"),
            Observation(kind: .navigation, time: 20, segment: 2, url: "http://x.test/app/other.html"),
        ]
        let (actions, _) = Aggregator().aggregate(obs, layout: layout)
        XCTAssertEqual(actions.map(\.kind), [.goto, .click, .goto])
        XCTAssertEqual(actions[1].navigatesTo, "http://x.test/app/home.html", "the fuller reading wins")
        XCTAssertTrue(Aggregator.sameURL("http://x.test/a/b.htm", "http://x.test/a/b.html"))
        XCTAssertFalse(Aggregator.sameURL("http://x.test/a/", "http://x.test/a/b.html"))
    }

    func testPointerDwellAndTickIsACheck() async throws {
        let box = PixelRect(x: 100, y: 200, width: 16, height: 16)
        let page = Canvas().with { c in c.fill(box, 255); c.outline(box, 120); c.text(x: 126, y: 202, glyphs: 8) }
        var images: [Image] = []
        for i in 0...8 { images.append(page.with { $0.pointer(at: PixelPoint(x: 400 - i * 36, y: 350 - i * 17)) }.image) }
        let tip = PixelPoint(x: 110, y: 210)
        for _ in 0..<8 { images.append(page.with { $0.pointer(at: tip) }.image) }
        let ticked = page.with { $0.fill(box.insetBy(2), 30) }
        for _ in 0..<20 { images.append(ticked.with { $0.pointer(at: tip) }.image) }
        let all = frames(images)
        let tools = FakeTools(all: all, reader: FakeReader { _ in "Remember me" })
        let segment = Segment(index: 0, start: 0, end: 100, decodeStart: 0, decodeEnd: 10)
        let obs = try await EmbeddedVisionModel().analyse(segment: SegmentContext(segment: segment, layout: layout, motion: [], frameRate: 30),
                                                          tools: tools)
        XCTAssertEqual(obs.map(\.kind), [.check], "\(obs)")
        XCTAssertEqual(obs.first?.value, .flag(true))
        XCTAssertEqual(obs.first?.role, .checkbox)
        XCTAssertEqual(obs.first?.label, "Remember me")
        XCTAssertLessThan(abs(obs.first!.time - Double(16) / 30), 0.05)
    }

    func testChangesWhileThePointerMovesAreHoverNotClicks() async throws {
        let button = PixelRect(x: 200, y: 150, width: 120, height: 32)
        let page = Canvas().with { $0.fill(button, 200) }
        var images: [Image] = []
        for i in 0...16 {
            let tip = PixelPoint(x: 60 + i * 30, y: 160)
            let hovered = button.contains(tip)
            images.append(page.with { c in if hovered { c.fill(button, 170) }; c.pointer(at: tip) }.image)
        }
        for _ in 0..<10 { images.append(images.last!) }
        let all = frames(images)
        let tools = FakeTools(all: all, reader: FakeReader { _ in "Save" })
        let segment = Segment(index: 0, start: 0, end: 100, decodeStart: 0, decodeEnd: 10)
        let obs = try await EmbeddedVisionModel().analyse(segment: SegmentContext(segment: segment, layout: layout, motion: [], frameRate: 30),
                                                          tools: tools)
        XCTAssertTrue(obs.isEmpty, "\(obs.map(\.kind))")
    }

    func testAToastTimingOutFarFromARestingPointerIsNoClick() async throws {
        let toast = PixelRect(x: 200, y: 340, width: 240, height: 40)
        let page = Canvas().with { c in c.text(x: 100, y: 100, glyphs: 6) }
        let withToast = page.with { c in c.fill(toast, 60); c.text(x: 220, y: 354, glyphs: 12, v: 240) }
        var images: [Image] = []
        for i in 0...8 { images.append(withToast.with { $0.pointer(at: PixelPoint(x: 400 - i * 34, y: 250 - i * 17)) }.image) }
        let tip = PixelPoint(x: 120, y: 106)
        for _ in 0..<12 { images.append(withToast.with { $0.pointer(at: tip) }.image) }
        for _ in 0..<20 { images.append(page.with { $0.pointer(at: tip) }.image) }
        let tools = FakeTools(all: frames(images), reader: FakeReader { _ in "21 Nov" })
        let segment = Segment(index: 0, start: 0, end: 100, decodeStart: 0, decodeEnd: 10)
        let obs = try await EmbeddedVisionModel().analyse(segment: SegmentContext(segment: segment, layout: layout, motion: [], frameRate: 30),
                                                          tools: tools)
        XCTAssertTrue(obs.isEmpty, "\(obs.map(\.kind))")
        // Something appearing far away at the same moment is the rest's click's effect.
        var shown: [Image] = Array(images[0..<21])
        for _ in 0..<20 { shown.append(withToast.with { c in c.fill(PixelRect(x: 500, y: 40, width: 30, height: 20), 40); c.pointer(at: tip) }.image) }
        let obs2 = try await EmbeddedVisionModel().analyse(segment: SegmentContext(segment: segment, layout: layout, motion: [], frameRate: 30),
                                                           tools: FakeTools(all: frames(shown), reader: FakeReader { _ in "21 Nov" }))
        XCTAssertEqual(obs2.map(\.kind), [.click])
    }

    func testKeystrokesAlongALineAndSpinnersAreNoPointerAppearing() {
        // The next keystroke touches the last one on the same line: typing.
        XCTAssertTrue(PointerTracker.sameTextLine(PixelRect(x: 632, y: 344, width: 8, height: 18), PixelRect(x: 636, y: 344, width: 23, height: 18)))
        // Password dots and the caret: one line, different heights.
        XCTAssertTrue(PointerTracker.sameTextLine(PixelRect(x: 560, y: 427, width: 15, height: 19), PixelRect(x: 569, y: 424, width: 15, height: 24)))
        XCTAssertFalse(PointerTracker.movedTo(PixelRect(x: 632, y: 344, width: 8, height: 18), PixelRect(x: 636, y: 344, width: 23, height: 18), within: 160))
        // A spinner turning in place.
        XCTAssertFalse(PointerTracker.movedTo(PixelRect(x: 49, y: 12, width: 14, height: 15), PixelRect(x: 50, y: 12, width: 13, height: 15), within: 160))
        // A pointer moving down and right, or along a line but far: a pointer.
        XCTAssertTrue(PointerTracker.movedTo(PixelRect(x: 400, y: 300, width: 12, height: 19), PixelRect(x: 430, y: 320, width: 12, height: 19), within: 160))
        XCTAssertTrue(PointerTracker.movedTo(PixelRect(x: 400, y: 300, width: 12, height: 19), PixelRect(x: 440, y: 300, width: 12, height: 19), within: 160))
        // Keystrokes with no pointer on screen: the tracker never finds one.
        var tracker = PointerTracker()
        var images: [Image] = []
        var page = Canvas()
        for i in 0..<12 { page.fill(PixelRect(x: 100 + i * 9, y: 100, width: 8, height: 16), 30); images.append(page.image) }
        let all = frames(images)
        var previous: PixelRect?
        for i in 1..<all.count {
            let blobs = ChangeDetector.blobs(all[i - 1].images[0], all[i].images[0], threshold: 24, cell: 8).filter { !$0.isNoise }
            let next = i + 1 < all.count ? ChangeDetector.blobs(all[i].images[0], all[i + 1].images[0], threshold: 24, cell: 8).map(\.box) : []
            let split = tracker.classify(time: all[i].time, small: blobs, before: previous.map { [$0] } ?? [], after: next,
                                         image: all[i].images[0], previous: all[i - 1].images[0])
            XCTAssertTrue(split.pointer.isEmpty, "keystroke \(i) taken for the pointer")
            previous = blobs.first?.box
        }
        XCTAssertFalse(tracker.seen)
    }

    func testAPointerArrivingWithAHoverTintIsFoundInsideTheChangeAndItsClickLandsThere() async throws {
        // A dark button that tints as the pointer enters it: the pointer's old and new places and
        // the tint change in one frame, as one large blob.
        let button = PixelRect(x: 200, y: 150, width: 120, height: 32)
        let page = Canvas().with { $0.fill(button, 140) }
        let tip = PixelPoint(x: 250, y: 163)
        var images: [Image] = []
        for i in 0...6 { images.append(page.with { $0.pointer(at: PixelPoint(x: 560 - i * 40, y: 20 + i * 15)) }.image) }
        images.append(page.with { $0.pointer(at: PixelPoint(x: 290, y: 128)) }.image)
        for _ in 0..<8 { images.append(page.with { c in c.fill(button, 110); c.pointer(at: tip) }.image) }
        // The click: the button turns into its "added" look.
        for _ in 0..<16 { images.append(page.with { c in c.fill(button, 30); c.pointer(at: tip) }.image) }
        let tools = FakeTools(all: frames(images), reader: FakeReader { _ in "Add to cart" })
        let segment = Segment(index: 0, start: 0, end: 100, decodeStart: 0, decodeEnd: 10)
        let obs = try await EmbeddedVisionModel().analyse(segment: SegmentContext(segment: segment, layout: layout, motion: [], frameRate: 30),
                                                          tools: tools)
        let clicks = obs.filter { $0.kind == .click }
        XCTAssertEqual(clicks.count, 1, "\(obs.map { "\($0.kind) \($0.time) \($0.point.map { "\($0)" } ?? "-")" })")
        let p = try XCTUnwrap(clicks.first?.point)
        XCTAssertTrue(button.contains(p), "the click at \(p) is not on the button")
        XCTAssertGreaterThan(clicks[0].time, Double(8) / 30 + 0.01, "the tint on arrival is no click")
    }

    func testAClickWhoseEffectChangesTheRestingPointersShapeIsStillAClick() async throws {
        // The pointer rests on a link; the click removes the link's row and the pointer, no longer
        // over a link, changes its shape (its box shifts): that is no arrival, and no hover.
        let row = PixelRect(x: 80, y: 190, width: 400, height: 80)
        let page = Canvas().with { $0.text(x: 300, y: 198, glyphs: 3); $0.text(x: 100, y: 240, glyphs: 30) }
        let tip = PixelPoint(x: 318, y: 204)
        var images: [Image] = []
        for i in 0...6 { images.append(page.with { $0.pointer(at: PixelPoint(x: 600 - i * 45, y: 360 - i * 25)) }.image) }
        for _ in 0..<10 { images.append(page.with { $0.pointer(at: tip) }.image) }
        let gone = Canvas().with { $0.fill(row, 250) }
        for _ in 0..<16 { images.append(gone.with { $0.pointer(at: PixelPoint(x: tip.x - 12, y: tip.y + 6)) }.image) }
        let tools = FakeTools(all: frames(images), reader: FakeReader { _ in "Remove" })
        let segment = Segment(index: 0, start: 0, end: 100, decodeStart: 0, decodeEnd: 10)
        let obs = try await EmbeddedVisionModel().analyse(segment: SegmentContext(segment: segment, layout: layout, motion: [], frameRate: 30),
                                                          tools: tools)
        XCTAssertEqual(obs.filter { $0.kind == .click }.count, 1, "\(obs.map { "\($0.kind) \($0.time)" })")
    }

    func testTheRestingPointerIsItsOwnShapeNotAChangeBesideIt() {
        // What differs from the plate: an I-beam, and three rows above it a focus ring drawn across.
        let r = PixelRect(x: 100, y: 100, width: 40, height: 50)
        var diff = [Bool](repeating: false, count: r.area)
        func set(_ x: Int, _ y: Int) { diff[(y - r.y) * r.width + x - r.x] = true }
        for x in 110..<126 { set(x, 112) }                                 // the ring
        for x in 118..<123 { set(x, 115); set(x, 132) }                    // the I-beam's serifs
        for y in 116..<132 { set(120, y) }                                 // its stem
        XCTAssertEqual(SegmentAnalyst.pointerShape(in: diff, region: r), PixelRect(x: 118, y: 115, width: 5, height: 18))
        // A difference filling the whole area is no pointer.
        XCTAssertNil(SegmentAnalyst.pointerShape(in: [Bool](repeating: true, count: r.area), region: r))
    }

    func testTheRestingPointerIsWhereTheTrackerSawItNotAGhostInThePlate() {
        // What differs from the plate: the hand where the pointer came to rest, and below right a
        // larger blot — the plate still holds the arrow from a frame the tracker placed elsewhere.
        let r = PixelRect(x: 376, y: 224, width: 49, height: 49)
        var diff = [Bool](repeating: false, count: r.area)
        func set(_ x: Int, _ y: Int) { diff[(y - r.y) * r.width + x - r.x] = true }
        for y in 240..<256 { for x in 394..<404 { set(x, y) } }          // the hand, 10x16 = 160 px
        for y in 252..<268 { for x in 410..<422 { set(x, y) } }          // the ghost, 12x16 = 192 px
        let tracked = PixelRect(x: 392, y: 240, width: 17, height: 17)
        // Without the tracker's box, the larger group wins; with it, the one where the pointer arrived.
        XCTAssertEqual(SegmentAnalyst.pointerShape(in: diff, region: r), PixelRect(x: 410, y: 252, width: 12, height: 16))
        XCTAssertEqual(SegmentAnalyst.pointerShape(in: diff, region: r, tracked: tracked), PixelRect(x: 394, y: 240, width: 10, height: 16))
        // Two groups both in the tracked box: the larger, as before.
        let wide = PixelRect(x: 392, y: 240, width: 30, height: 30)
        XCTAssertEqual(SegmentAnalyst.pointerShape(in: diff, region: r, tracked: wide), PixelRect(x: 410, y: 252, width: 12, height: 16))
    }

    func testAListsPlaceTintedByAHoverIsNoListAnyMore() {
        let list = PixelRect(x: 100, y: 100, width: 200, height: 90)
        let under = Canvas().with { $0.fill(PixelRect(x: 100, y: 120, width: 200, height: 40), 140) }
        let hovered = under.with { $0.fill(PixelRect(x: 100, y: 120, width: 200, height: 40), 118) }
        let open = under.with { c in c.fill(list, 255); c.outline(list, 90); c.fill(PixelRect(x: 101, y: 101, width: 198, height: 28), 60)
            c.text(x: 110, y: 140, glyphs: 12); c.text(x: 110, y: 168, glyphs: 9) }
        XCTAssertLessThan(SegmentAnalyst.strongDifference(hovered.image, under.image, region: list, ignoring: nil), 0.01)
        XCTAssertGreaterThan(SegmentAnalyst.strongDifference(open.image, under.image, region: list, ignoring: nil), 0.2)
    }

    func testAStripRunningFromTheRestingPointerIsItsTrailNotAClick() {
        let p = PixelRect(x: 679, y: 608, width: 24, height: 23)
        XCTAssertTrue(SegmentAnalyst.pointerTrail(PixelRect(x: 684, y: 608, width: 16, height: 77), pointer: p))
        XCTAssertTrue(SegmentAnalyst.pointerTrail(PixelRect(x: 679, y: 610, width: 90, height: 20), pointer: p))
        // A button's press look around the pointer, a list opening below it, a far change: no trail.
        XCTAssertFalse(SegmentAnalyst.pointerTrail(PixelRect(x: 600, y: 596, width: 160, height: 44), pointer: p))
        XCTAssertFalse(SegmentAnalyst.pointerTrail(PixelRect(x: 660, y: 640, width: 200, height: 180), pointer: p))
        XCTAssertFalse(SegmentAnalyst.pointerTrail(PixelRect(x: 300, y: 100, width: 16, height: 77), pointer: p))
    }

    func testACopyOffTheComparisonGridIsStillFound() {
        // A button with a label, and its copy 2 px off the 4-pixel cells (x offset 282).
        func button(_ c: inout Canvas, _ x: Int, _ y: Int) {
            c.fill(PixelRect(x: x, y: y, width: 120, height: 36), 120)
            c.text(x: x + 14, y: y + 12, glyphs: 10, height: 12, v: 250)
        }
        var c = Canvas(width: 640, height: 200)
        button(&c, 202, 80)
        button(&c, 484, 80)
        button(&c, 30, 150)    // and one off the grid in both directions
        let found = Duplicates.find(PixelRect(x: 202, y: 80, width: 120, height: 36), in: c.image,
                                    within: PixelRect(x: 0, y: 0, width: 640, height: 200))
        XCTAssertTrue(found.contains { abs($0.x - 484) <= 2 && abs($0.y - 80) <= 2 }, "\(found)")
        XCTAssertTrue(found.contains { abs($0.x - 30) <= 2 && abs($0.y - 150) <= 2 }, "\(found)")
        XCTAssertEqual(found.count, 2, "\(found)")
    }

    func testACopySearchIsKeptOnlyForTheSameFrameBoxAndPointer() {
        var c = Canvas(width: 640, height: 200)
        for (x, y) in [(202, 80), (484, 80), (30, 150)] {
            c.fill(PixelRect(x: x, y: y, width: 120, height: 36), 120)
            c.text(x: x + 14, y: y + 12, glyphs: 10, height: 12, v: 250)
        }
        let box = PixelRect(x: 202, y: 80, width: 120, height: 36), all = PixelRect(x: 0, y: 0, width: 640, height: 200)
        let image = c.image
        let searches = CopySearches()
        var calls = 0
        let counting: WorkSplit = { n, body in calls += 1; for i in 0..<n { body(i) } }
        let first = searches.find(box, in: image, within: all, ignoring: nil, split: counting)
        XCTAssertEqual(first, Duplicates.find(box, in: image, within: all))
        XCTAssertEqual(searches.find(box, in: image, within: all, ignoring: nil, split: counting), first)
        XCTAssertEqual(calls, 1, "the same frame, box and pointer: the boxes already found")
        _ = searches.find(box, in: image, within: all, ignoring: PixelRect(x: 210, y: 84, width: 12, height: 18), split: counting)
        XCTAssertEqual(calls, 2, "another pointer: searched again")
        // Equal pixels in other storage (another frame that looks the same) are searched again,
        // and pixels changed since (a copy written to) are never taken for the frame searched.
        var other = image
        other.pixels[0] ^= 1
        other.pixels[0] ^= 1
        XCTAssertEqual(searches.find(box, in: other, within: all, ignoring: nil, split: counting), first)
        XCTAssertEqual(calls, 3)
        XCTAssertFalse(CopySearches.same(image, other))
        XCTAssertTrue(CopySearches.same(image, image))
    }

    func testCopiesFoundWithThePhasesSplitAreThoseFoundInOrder() {
        // Copies that more than one grid phase finds, a pixel apart: which phase's box is kept
        // depends on the order the phases are merged in, which must not depend on how they ran.
        var c = Canvas(width: 640, height: 240)
        for (x, y) in [(202, 80), (483, 81), (30, 150), (341, 170), (120, 20)] {
            c.fill(PixelRect(x: x, y: y, width: 120, height: 36), 120)
            c.text(x: x + 14, y: y + 12, glyphs: 10, height: 12, v: 250)
        }
        let box = PixelRect(x: 202, y: 80, width: 120, height: 36), all = PixelRect(x: 0, y: 0, width: 640, height: 240)
        let pointer = PixelRect(x: 210, y: 84, width: 12, height: 18)
        for ignoring in [nil, pointer] {
            let serial = Duplicates.find(box, in: c.image, within: all, ignoring: ignoring)
            XCTAssertGreaterThanOrEqual(serial.count, 2, "\(serial)")
            let reversed = Duplicates.find(box, in: c.image, within: all, ignoring: ignoring) { n, body in
                for i in (0..<n).reversed() { body(i) }
            }
            let concurrent = Duplicates.find(box, in: c.image, within: all, ignoring: ignoring) { n, body in
                DispatchQueue.concurrentPerform(iterations: n) { body($0) }
            }
            XCTAssertEqual(reversed, serial)
            XCTAssertEqual(concurrent, serial)
        }
    }

    // MARK: aggregation

    let field = PixelRect(x: 100, y: 100, width: 300, height: 36)

    func testTypingSplitByACutIsOneFillWithTheLastValue() {
        let obs = [
            Observation(kind: .typing, time: 3.0, endTime: 4.4, segment: 0, box: field, role: .textbox, placeholder: "Search",
                        value: .text("Buy o")),
            Observation(kind: .typing, time: 4.2, endTime: 6.0, segment: 1, box: field, role: .textbox, value: .text("Buy oat milk")),
            Observation(kind: .press, time: 6.5, segment: 1, box: field, role: .textbox, value: .text("Enter")),
        ]
        let (actions, _) = Aggregator().aggregate(obs, layout: layout)
        XCTAssertEqual(actions.map(\.kind), [.fill, .press])
        XCTAssertEqual(actions[0].value, .text("Buy oat milk"))
        XCTAssertEqual(actions[0].time, 3.0)
        XCTAssertEqual(actions[0].target?.placeholder, "Search")
        XCTAssertEqual(actions[1].target?.placeholder, "Search", "the press names the same field")
    }

    func testTheSameTypingSeenByTwoAgentsKeepsTheReadingThatSawItEnd() {
        // Both agents saw the typing start (their windows overlap); only the second saw it end.
        let obs = [
            Observation(kind: .typing, time: 8.90, endTime: 10.3, segment: 0, box: field, role: .textbox, value: .text("priya@")),
            Observation(kind: .typing, time: 8.93, endTime: 12.7, segment: 1, box: field, role: .textbox, value: .text("priya@fjordpine.no")),
        ]
        let (actions, _) = Aggregator().aggregate(obs, layout: layout)
        XCTAssertEqual(actions.map(\.kind), [.fill])
        XCTAssertEqual(actions[0].value, .text("priya@fjordpine.no"))
    }

    func testListOpenedInOneSegmentAndChosenInTheNextIsOneSelect() {
        let select = PixelRect(x: 100, y: 100, width: 200, height: 36)
        let list = PixelRect(x: 100, y: 136, width: 200, height: 240)
        let obs = [
            Observation(kind: .click, time: 10, segment: 0, point: PixelPoint(x: 150, y: 118), box: select, role: .combobox,
                        text: "Select a country", label: "Country", popup: list),
            Observation(kind: .click, time: 11.5, segment: 1, point: PixelPoint(x: 150, y: 250), box: PixelRect(x: 100, y: 240, width: 200, height: 20),
                        text: "Portugal"),
            Observation(kind: .scroll, time: 13, endTime: 13.4, segment: 1, value: .pixels(100)),
            Observation(kind: .scroll, time: 13.5, endTime: 13.7, segment: 2, value: .pixels(26)),
        ]
        let (actions, _) = Aggregator().aggregate(obs, layout: layout)
        XCTAssertEqual(actions.map(\.kind), [.select, .scroll])
        XCTAssertEqual(actions[0].value, .text("Portugal"))
        XCTAssertEqual(actions[0].target?.label, "Country")
        XCTAssertEqual(actions[1].value, .pixels(126), "a scroll split by a cut adds up")
    }

    func testTheSameClickSeenByTwoAgentsIsKeptOnceAndNavigationsAttach() {
        let b = PixelRect(x: 300, y: 300, width: 100, height: 30)
        let layout = ScreenLayout(frameWidth: 640, frameHeight: 400, window: PixelRect(x: 0, y: 0, width: 640, height: 400),
                                  viewport: PixelRect(x: 0, y: 80, width: 640, height: 320), startURL: "http://x.test/")
        let obs = [
            Observation(kind: .click, time: 5.00, segment: 0, point: PixelPoint(x: 320, y: 310), box: b, role: .button, text: "Sign in", confidence: 0.6),
            Observation(kind: .click, time: 5.03, segment: 1, point: PixelPoint(x: 320, y: 310), box: b, role: .button, text: "Sign in", confidence: 0.8),
            Observation(kind: .navigation, time: 5.6, segment: 1, url: "http://x.test/home"),
        ]
        let (actions, _) = Aggregator().aggregate(obs, layout: layout)
        XCTAssertEqual(actions.map(\.kind), [.goto, .click])
        XCTAssertEqual(actions[0].value, .text("http://x.test/"))
        XCTAssertEqual(actions[1].navigatesTo, "http://x.test/home")
        XCTAssertEqual(actions[1].target?.box, Box(x: 300, y: 220, width: 100, height: 30), "boxes are viewport-relative")
    }

    func testSecretFillKeepsNoValue() throws {
        let obs = [Observation(kind: .typing, time: 1, endTime: 2, box: field, role: .textbox, label: "Password", value: nil, secret: true)]
        let (actions, _) = Aggregator().aggregate(obs, layout: layout)
        XCTAssertEqual(actions.first?.secret, true)
        XCTAssertNil(actions.first?.value)
        let json = String(decoding: try JSONEncoder().encode(actions[0]), as: UTF8.self)
        XCTAssertTrue(json.contains("\"value\":null"), json)
    }

    // MARK: small detectors

    func testMaskedFieldLooksMasked() {
        let dots = Canvas(width: 200, height: 30).with { c in for i in 0..<8 { c.fill(PixelRect(x: 10 + i * 12, y: 11, width: 7, height: 7), 30) } }
        XCTAssertTrue(InkAnalysis.looksMasked(dots.image, band: PixelRect(x: 0, y: 0, width: 200, height: 30)))
        let words = Canvas(width: 200, height: 30).with { $0.text(x: 10, y: 8, glyphs: 10) }
        XCTAssertFalse(InkAnalysis.looksMasked(words.image, band: PixelRect(x: 0, y: 0, width: 200, height: 30)))
    }

    func testURLsFromTheAddressBar() {
        XCTAssertEqual(URLText.normalise("127.0.0.1:8765/todo/"), "http://127.0.0.1:8765/todo/")
        XCTAssertEqual(URLText.normalise("example.com/a"), "https://example.com/a")
        XCTAssertEqual(URLText.normalise("example.com/a", scheme: "http"), "http://example.com/a")
        XCTAssertEqual(URLText.normalise("127.0.0.1:8765/signup/confirm.htm!"), "http://127.0.0.1:8765/signup/confirm.html")
        XCTAssertGreaterThan(URLText.score("localhost:3000/x"), 0)
        XCTAssertEqual(URLText.score("Checklist"), 0)
    }

    /// Firefox greys the scheme, port and path: a reading can lose "http:" or keep only the host.
    func testAddressBarReadingsThatLostTheirGreyParts() {
        XCTAssertEqual(URLText.normalise("///127.0.0.1:8830/ledger/dashboard.html"), "http://127.0.0.1:8830/ledger/dashboard.html")
        XCTAssertEqual(URLText.normalise("ttp://127.0.0.1:8830/todo/"), "http://127.0.0.1:8830/todo/")
        XCTAssertEqual(URLText.normalise("https://example.com/a"), "https://example.com/a")
        XCTAssertEqual(URLText.extending("127.0.0.1.", with: ["©", "http://127.0.0.1:8830/settings/", "w"]),
                       "http://127.0.0.1:8830/settings/")
        // Another host, or a reading that says less, never replaces the first.
        XCTAssertEqual(URLText.extending("127.0.0.1:8765/todo/", with: ["example.com/todo/x"]), "127.0.0.1:8765/todo/")
        XCTAssertEqual(URLText.extending("127.0.0.1:8765/todo/", with: ["127.0.0.1"]), "127.0.0.1:8765/todo/")
    }

    /// A bar the first reading of the band misses (a greyed Firefox URL): its strip, read again as
    /// one line at twice the size, gives the start URL and the address bar's place.
    func testAnAddressBarMissedInTheBandIsFoundInItsStrip() async throws {
        let frame = Canvas(width: 640, height: 800).with { c in
            c.text(x: 100, y: 56, glyphs: 30, v: 150)   // the address, grey
            c.fill(PixelRect(x: 0, y: 86, width: 640, height: 714), 200)  // the page
        }
        let strips = ChromeDetector.textStrips(frame.image, band: PixelRect(x: 0, y: 0, width: 640, height: 160))
        XCTAssertEqual(strips.count, 1, "\(strips)")
        XCTAssertTrue(strips.contains { $0.y <= 56 && $0.maxY >= 68 }, "\(strips)")
        // The band (160 px high, read first) reads as nothing; a strip reads as the URL.
        let reader = FakeReader { $0.height > 140 ? "" : "© http://127.0.0.1:8830/wizard/ w" }
        let layout = try await ChromeDetector.detect(frame.image, reader: reader)
        XCTAssertEqual(layout.startURL, "http://127.0.0.1:8830/wizard/")
        XCTAssertEqual(layout.viewport.y, 86)
        // No text like a URL anywhere: the page fills the window, as before (no bar, no start URL).
        let none = try await ChromeDetector.detect(frame.image, reader: FakeReader { _ in "Checklist" })
        XCTAssertNil(none.startURL)
        XCTAssertEqual(none.viewport, none.window)
    }

    func testATextLineNearAPointJustOutsideItsBoundsIsFoundWithoutAFault() {
        // A list row whose text runs to the list's bottom edge; the pointer 3 px below the list.
        let list = PixelRect(x: 100, y: 100, width: 200, height: 60)
        let page = Canvas().with { c in c.fill(list, 255); c.text(x: 110, y: 146, glyphs: 8, height: 14) }
        let line = ElementFinder.textLine(near: PixelPoint(x: 140, y: 163), in: page.image, bounds: list, background: 255, avoid: nil)
        XCTAssertNotNil(line)
        XCTAssertNil(ElementFinder.textLine(near: PixelPoint(x: 140, y: 40), in: page.image, bounds: list, background: 255, avoid: nil))
    }

    func testElementFinderTellsFieldsControlsAndText() {
        let c = Canvas().with { c in
            c.fill(PixelRect(x: 100, y: 100, width: 300, height: 36), 255); c.outline(PixelRect(x: 100, y: 100, width: 300, height: 36), 180)
            c.fill(PixelRect(x: 100, y: 200, width: 16, height: 16), 255); c.outline(PixelRect(x: 100, y: 200, width: 16, height: 16), 120)
            c.text(x: 300, y: 300, glyphs: 12)
        }
        let all = PixelRect(x: 0, y: 0, width: 640, height: 400)
        XCTAssertEqual(ElementFinder.element(at: PixelPoint(x: 250, y: 118), in: c.image, bounds: all)?.shape, .field)
        XCTAssertEqual(ElementFinder.element(at: PixelPoint(x: 108, y: 208), in: c.image, bounds: all)?.shape, .control)
        let text = ElementFinder.element(at: PixelPoint(x: 340, y: 306), in: c.image, bounds: all)
        XCTAssertEqual(text?.shape, .text)
        XCTAssertLessThan(abs((text?.box.width ?? 0) - 105), 12)
    }
}

final class TextCleanupTests: XCTestCase {
    func word(_ t: String, x: Int, w: Int, conf: Double = 90) -> TextWord {
        TextWord(text: t, box: PixelRect(x: x, y: 0, width: w, height: 20), confidence: conf)
    }

    func testMarksAtTheEdgesOfALineAreDroppedButWordsStay() {
        // A button's rounded edges read as "P" and "4", far from the word.
        let edges = [word("P", x: 0, w: 8), word("Register", x: 30, w: 80), word("4", x: 130, w: 8)]
        XCTAssertEqual(TextRegions.withoutEdgeJunk(edges).map(\.text), ["Register"])
        // An icon read as punctuation.
        XCTAssertEqual(TextRegions.withoutEdgeJunk([word(":", x: 0, w: 4), word("Search", x: 8, w: 50), word("gear", x: 64, w: 36)])
            .map(\.text), ["Search", "gear"])
        // A one-letter word one space away is kept; so is a line that is only a mark.
        XCTAssertEqual(TextRegions.withoutEdgeJunk([word("Step", x: 0, w: 40), word("4", x: 46, w: 9)]).map(\.text), ["Step", "4"])
        XCTAssertEqual(TextRegions.withoutEdgeJunk([word("×", x: 0, w: 10)]).map(\.text), ["×"])
        // A capital I read as a bar, one word space before the next word.
        let agree = [word("|", x: 8, w: 2), word("agree", x: 17, w: 41), word("to", x: 64, w: 14), word("the", x: 84, w: 23),
                     word("code", x: 113, w: 35)]
        XCTAssertEqual(TextRegions.withoutEdgeJunk(agree).map(\.text).first, "|")
        // A cart icon read as a letter and brackets, close before the word.
        XCTAssertEqual(TextRegions.withoutEdgeJunk([word("A=)", x: 0, w: 16), word("Cart", x: 20, w: 40)]).map(\.text), ["Cart"])
        XCTAssertEqual(TextRegions.withoutEdgeJunk([word("Inbox", x: 0, w: 40), word("(1)", x: 46, w: 14)]).map(\.text), ["Inbox", "(1)"])
    }

    func testBracketsLostOrInventedAtTheEdgeAreRepaired() {
        XCTAssertEqual(TextRegions.balancingBrackets("Company (optional"), "Company (optional)")
        XCTAssertEqual(TextRegions.balancingBrackets("{Company name"), "Company name")
        XCTAssertEqual(TextRegions.balancingBrackets("Amount (€)"), "Amount (€)")
        XCTAssertEqual(TextRegions.balancingBrackets("Total)"), "Total")
        XCTAssertEqual(TextRegions.balancingBrackets("Cart (2)"), "Cart (2)")
    }

    func testTextSimilarity() {
        XCTAssertEqual(TextSimilarity.ratio("Add to cart", "Add to cart"), 1)
        XCTAssertGreaterThanOrEqual(TextSimilarity.ratio("Add ft cart", "Add to cart"), 0.8)
        XCTAssertLessThan(TextSimilarity.ratio("EUR", "Sign out"), 0.5)
        XCTAssertEqual(TextSimilarity.ratio("", "abc"), 0)
    }

    func testCaretTouchingTheLastLetterIsErasedButLettersStay() {
        // "text" on a baseline at y=20 with a caret reaching below it, touching the last glyph.
        var c = Canvas(width: 80, height: 30)
        c.text(x: 4, y: 8, glyphs: 5, height: 12)             // glyphs end at x = 4 + 4*9 + 6 = 46
        c.fill(PixelRect(x: 46, y: 5, width: 1, height: 20), 0) // the caret, from above the letters to below the baseline
        let out = InkAnalysis.erasingTouchingCaret(c.image)
        XCTAssertEqual(out.luma(x: 46, y: 23), 250, "caret erased")
        XCTAssertEqual(out.luma(x: 42, y: 15), 40, "letters kept")
        // Without a caret nothing changes.
        let plain = Canvas(width: 80, height: 30).with { $0.text(x: 4, y: 8, glyphs: 5, height: 12) }.image
        XCTAssertEqual(InkAnalysis.erasingTouchingCaret(plain), plain)
        // A caret caught mid-blink: from the tallest letters' top, stopping above the baseline,
        // touching a lower letter. Erased; a final tall stem down to the baseline (a "d", an "l") stays.
        var half = Canvas(width: 80, height: 30)
        half.fill(PixelRect(x: 4, y: 6, width: 6, height: 14), 40)     // a tall letter, top 6, baseline 19
        half.fill(PixelRect(x: 14, y: 11, width: 6, height: 9), 40)    // an x-height letter
        half.fill(PixelRect(x: 20, y: 6, width: 1, height: 8), 0)      // the caret's upper half
        let erased = InkAnalysis.erasingTouchingCaret(half.image)
        XCTAssertEqual(erased.luma(x: 20, y: 7), 250, "half caret erased")
        XCTAssertEqual(erased.luma(x: 16, y: 15), 40, "letters kept")
        var stem = Canvas(width: 80, height: 30)
        stem.fill(PixelRect(x: 4, y: 6, width: 6, height: 14), 40)
        stem.fill(PixelRect(x: 14, y: 11, width: 6, height: 9), 40)
        stem.fill(PixelRect(x: 20, y: 6, width: 1, height: 14), 40)     // a "d"'s stem, down to the baseline
        XCTAssertEqual(InkAnalysis.erasingTouchingCaret(stem.image), stem.image)
    }

    func testAPointerRestingRightOfTheTextIsNotText() {
        var c = Canvas(width: 200, height: 30)
        c.text(x: 4, y: 8, glyphs: 6, height: 12)
        c.fill(PixelRect(x: 150, y: 4, width: 3, height: 20), 0)   // an I-beam far right
        let out = InkAnalysis.droppingIsolatedTrailingMark(c.image)
        XCTAssertLessThan(out.width, 100)
    }

    func testAPointerRestingRightOfAOneGlyphValueIsNotText() {
        // A prefilled number field ("1") with the I-beam passing over it: one run of text, so the
        // line's height stands for the word space.
        var c = Canvas(width: 200, height: 30)
        c.fill(PixelRect(x: 4, y: 9, width: 5, height: 12), 40)        // "1"
        c.fill(PixelRect(x: 120, y: 4, width: 3, height: 20), 0)       // the I-beam, far right
        XCTAssertLessThan(InkAnalysis.droppingIsolatedTrailingMark(c.image).width, 20)
        // Two words a space apart stay whole (the second is no mark, however narrow).
        var words = Canvas(width: 200, height: 30)
        words.fill(PixelRect(x: 4, y: 9, width: 30, height: 12), 40)
        words.fill(PixelRect(x: 44, y: 9, width: 5, height: 12), 40)
        XCTAssertEqual(InkAnalysis.droppingIsolatedTrailingMark(words.image), words.image)
        // A short right-aligned value with the pointer resting left of it: the value is kept.
        var right = Canvas(width: 200, height: 30)
        right.fill(PixelRect(x: 4, y: 4, width: 3, height: 20), 0)     // the I-beam
        right.fill(PixelRect(x: 150, y: 9, width: 6, height: 12), 40)  // "7"
        XCTAssertEqual(InkAnalysis.droppingIsolatedTrailingMark(right.image), right.image)
    }
}
