import Browser
import Foundation
import ScreenCore

/// A click on a form's button read as Enter in its field. Without a pointer in the recording (a
/// capture that does not draw it) nothing on screen says a click happened: the page moving on
/// after the focused field is read as a key. Where that Enter changes nothing live (the form has
/// no submit button: its buttons act by script, as a wizard's Next does) while the video changed,
/// the form's own forward action is what moved it: its last visible button — the place a form's
/// primary action takes by convention ("Back | Next", "Cancel | Save") — is clicked live, and
/// kept as the step when the live page then looks like the video after it. (Session 28's
/// wizard-refused-email-nopointer: every Next was read as Enter or Tab.)
extension Run {
    /// How much the whole page's similarity to the video after the step must gain by the click.
    static let formButtonGain = 0.05
    /// … and at least how like the video the page must then be.
    static let formButtonLike = 0.85

    /// Whether a form button's click replaces a refuted Enter: the page looks like the video
    /// after the step (`after`, at least `formButtonLike`), clearly more than before the click.
    static func formButtonExplains(before: Double, after: Double) -> Bool {
        after >= before + formButtonGain && after >= formButtonLike
    }

    /// For Enter at step `i`, just refuted (`enterRefuted`): the last visible, enabled button of
    /// the focused field's form (not a destructive one) is clicked; returns the click step when it
    /// brings the live page in line with the video after the step (`formButtonExplains`). A click
    /// that does not is undone where it navigated (back); else the page stays as it left it and the
    /// Enter is dropped as before, with a diagnostic.
    mutating func formButtonForRefutedEnter(_ i: Int, _ a: Action) async throws -> Action? {
        let found = try await browser.execute("""
            var f = document.activeElement, form = f && f.form;
            if (!form) return null;
            var all = form.querySelectorAll('button, input[type=submit], input[type=button], [role=button]'), last = null;
            for (var k = 0; k < all.length; k++) {
              var b = all[k], r = b.getBoundingClientRect(), c = getComputedStyle(b);
              if (b.disabled || r.width < 8 || r.height < 8 || c.visibility === 'hidden' || c.opacity === '0') continue;
              if (r.right < 0 || r.bottom < 0 || r.left > innerWidth || r.top > innerHeight) continue;
              var h = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              if (!h || !(h === b || b.contains(h))) continue;
              last = [r.left + r.width / 2, r.top + r.height / 2];
            }
            return last;
            """, [])
        guard let xy = found.array, xy.count == 2, let x = xy[0].double, let y = xy[1].double,
              let t = try await page.identify(x: x, y: y), t.actionable, t.element != nil, !t.isTextField,
              !Self.destructive([t.name, t.text, t.label]), let s0 = try await compare(i) else { return nil }
        let state0 = try await page.state()
        try await browser.pointerClick(at: (x, y), count: 1)
        let state1 = try await settle(from: state0)
        let (s1, png) = try await compareKeeping(i)
        debug("live: step \(i + 1) Enter refuted; the form's last button \(t.role ?? t.tag) \"\(t.name ?? "")\" clicked → the page \(Self.f2(s0)) → \(Self.f2(s1 ?? 0)) like the video after it")
        guard let s1, Self.formButtonExplains(before: s0, after: s1) else {
            if state1.url != state0.url {
                _ = try await browser.execute("history.back(); return true;", [])
                _ = try await settle(from: state1)
            }
            if state1.differs(from: state0) {
                diagnostics.append(Diagnostic(.note, "live: step \(i + 1): a tried click on the form's \(t.role ?? t.tag) \"\(t.name ?? "")\" changed the page without bringing it in line with the video"))
            }
            return nil
        }
        var click = Action(kind: .click, time: a.time, endTime: a.time + 0.1, target: Target(point: Point(x: x, y: y)), confidence: 0.5)
        _ = correctTarget(&click, t)
        _ = correctKind(&click, t)
        click.target?.point = Point(x: x, y: y)
        if state1.url != state0.url { click.navigatesTo = state1.url }
        click.grounding?.status = .corrected
        click.grounding?.corrections = ["press Enter → click on \(t.role ?? t.tag) \"\(t.name ?? "")\": Enter changes nothing live while the video changed, and the form's last button brings the page in line (\(Self.f2(s0)) → \(Self.f2(s1)))"]
        click.grounding?.similarity = (s1 * 1000).rounded() / 1000
        if options.keepScreenshots, let png { shots[out.count] = png }
        return click
    }
}
