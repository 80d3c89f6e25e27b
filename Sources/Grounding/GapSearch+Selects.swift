import Browser
import Foundation
import ScreenCore

/// A `<select>` chosen with the keyboard inside its popup leaves no click on an option for the
/// analysis to read (session 28's recordings: the Room of wizard-refused-email-nopointer, the Role
/// of admin-search-edit-role-125): the closed list simply shows another option afterwards. As text
/// fields are reconciled by their text (GapSearch+Fields.swift), lists are reconciled by the option
/// they show: before each step, every list in view whose live look disagrees with the video's just
/// before the step is drawn live with each of its options (no event: the app sees nothing), and the
/// option that looks clearly most like the video is chosen (with the events a choice sends) and
/// inserted as a `select` step.
extension Run {
    /// A list at least this like the video's (its box, `fieldSimilarity`) shows the same option.
    static let selectShownLike = 0.9
    /// The option kept must look like the video's list by this much more than the live one…
    static let selectGain = 0.1
    /// … and at least this much like it.
    static let selectLike = 0.8
    /// At most this many options are drawn per list.
    static let selectOptions = 24

    /// Whether the option drawn `best` replaces the one shown (`shown`): the list looked unlike the
    /// video's, and the option clearly nearer it.
    static func selectReconciled(shown: Double, best: Double) -> Bool {
        shown < selectShownLike && best >= shown + selectGain && best >= selectLike
    }

    /// Reconciles the `<select>` lists in view before step `i` (the recording's end when `i` is the
    /// number of actions) with the video's frame just before it; each list changed is inserted as
    /// a `select` step, dated where the video's list first shows its new look.
    mutating func reconcileSelects(_ i: Int) async throws {
        guard i > 0, i <= timeline.actions.count, stoppedAt == nil, let vp = timeline.viewport else { return }
        let duration = timeline.source?.duration ?? .infinity
        let tA = max(0, timeline.actions[i - 1].time - 0.2)
        let tB = i < timeline.actions.count ? max(0, timeline.actions[i].time - 0.2) : duration - 0.1
        guard tB.isFinite, tB > tA + 0.3, let frame = frames.nearest(tB) else { return }
        let lists = try await browser.execute("""
            var out = [], all = document.querySelectorAll('select');
            for (var i = 0; i < all.length && out.length < 12; i++) {
              var e = all[i];
              if (e.disabled || e.multiple || e.size > 1 || e.options.length < 2) continue;
              var r = e.getBoundingClientRect();
              if (r.width < 16 || r.height < 10 || r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) continue;
              var c = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              if (!c || !(c === e || e.contains(c))) continue;
              var labels = [];
              for (var k = 0; k < e.options.length; k++) labels.push((e.options[k].label || e.options[k].text).replace(/\\s+/g, ' ').trim());
              out.push([e, r.left, r.top, r.width, r.height, e.selectedIndex, labels]);
            }
            return out;
            """, [])
        guard let all = lists.array, !all.isEmpty else { return }
        let shot = try decodePNG(try await browser.screenshot())
        // Only a page that as a whole looks like the video's there (another step of a wizard, an
        // open popup over the list, is no list showing another option).
        let k = frames.scale
        let pageRect = PixelRect(x: Int(Double(vp.x) * k), y: Int(Double(vp.y) * k), width: Int(Double(vp.width) * k), height: Int(Double(vp.height) * k))
        guard Similarity.compare(shot, nil, frame, pageRect) >= Self.fieldsPageLike else { return }
        let next = i < timeline.actions.count ? timeline.actions[i] : nil
        for item in all {
            guard let f = item.array, f.count == 7, let el = ElementHandle(json: f[0]), let x = f[1].double, let y = f[2].double,
                  let w = f[3].double, let h = f[4].double, let shown = f[5].double.map({ Int($0) }) else { continue }
            let labels = (f[6].array ?? []).map { $0.string ?? "" }
            let box = (x: x, y: y, width: w, height: h)
            // The list the next step chooses in is left to it.
            if let n = next, n.kind == .select, let p = Self.points(for: n).first,
               p.x >= x - 4, p.x <= x + w + 4, p.y >= y - 4, p.y <= y + h + 4 { continue }
            guard let s0 = fieldSimilarity(box, frame, shot: shot), s0 < Self.selectShownLike else { continue }
            var best = (index: shown, like: s0)
            for o in labels.indices.prefix(Self.selectOptions) where o != shown {
                _ = try await browser.execute("arguments[0].selectedIndex = arguments[1]; return true;", [JSONValue(element: el), .number(Double(o))])
                try await Task.sleep(nanoseconds: 30_000_000)
                guard let s = try await fieldSimilarity(box, frame) else { continue }
                if s > best.like { best = (o, s) }
            }
            _ = try await browser.execute("arguments[0].selectedIndex = arguments[1]; return true;", [JSONValue(element: el), .number(Double(shown))])
            debug("live: before step \(i + 1), the list showing \"\(shown >= 0 && shown < labels.count ? labels[shown] : "")\" looks \(Self.f2(s0)) like the video's; \"\(best.index >= 0 && best.index < labels.count ? labels[best.index] : "")\" \(Self.f2(best.like))")
            guard best.index != shown, best.index >= 0, best.index < labels.count, Self.selectReconciled(shown: s0, best: best.like),
                  let id = try await page.identify(x: x + w / 2, y: y + h / 2), id.element != nil else { continue }
            let label = labels[best.index]
            _ = try await browser.execute("""
                var s = arguments[0]; s.selectedIndex = arguments[1];
                s.dispatchEvent(new Event('input', {bubbles: true}));
                s.dispatchEvent(new Event('change', {bubbles: true}));
                return s.selectedIndex;
                """, [JSONValue(element: el), .number(Double(best.index))])
            // When: where the video's list first leans to its new look before the step.
            var t = (tA + tB) / 2
            if let r = videoRect(box), let fA = frames.nearest(tA) {
                for fr in frames.frames where fr.time > tA && fr.time <= tB + 1e-6 && Self.videoLean(r, fr.image, fA, frame) > 0.5 {
                    t = max(tA, fr.time - 0.3)
                    break
                }
            }
            if let last = out.last { t = max(t, last.time + 0.01) }
            let centre = Point(x: x + w / 2, y: y + h / 2)
            var choice = Action(kind: .select, time: t, endTime: min(tB, t + 0.5), target: Target(point: centre), value: .text(label), confidence: 0.5)
            _ = correctTarget(&choice, id)
            choice.target?.point = centre
            choice.value = .text(label)
            choice.grounding?.status = .corrected
            choice.grounding?.corrections = ["inserted: the video's list shows another option before the next step (\(Self.f2(s0)) like it live); \"\(label)\" drawn there looks like it (\(Self.f2(best.like)))"]
            choice.grounding?.similarity = (best.like * 1000).rounded() / 1000
            out.append(choice); counts.corrected += 1
        }
    }
}
