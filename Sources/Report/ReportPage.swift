import Foundation
import ScreenCore

/// The report as one self-contained HTML page: no network (a Content-Security-Policy forbids it),
/// pictures as `data:` URLs, light and dark colours (`prefers-color-scheme`), j/k or the arrow
/// keys to move between steps. Every text from the timeline goes through `HTML.escape`; the
/// script's data is JSON escaped by `HTML.scriptJSON`; no event handler is built from data (the
/// one script is a constant, allowed by its hash).
public enum ReportPage {
    /// The page for `report`.
    public static func html(_ report: ReportDocument) -> String {
        let e = HTML.escape
        var body = ""
        body += header(report)
        body += stripSection(report)
        body += "<section id=\"steps\" aria-label=\"Steps\">\n"
        for (i, step) in report.steps.enumerated() { body += stepSection(step, index: i, total: report.steps.count) }
        body += "</section>\n"
        body += diagnosticsSection(report.diagnostics)
        body += swarmSection(report.swarm, duration: report.duration)
        body += "<section class=\"panel\" id=\"script\"><details><summary>The whole script (\(e(report.target)))</summary>"
            + "<pre class=\"code\">\(e(report.script))</pre></details></section>\n"
        let data = PageData(steps: report.steps.map { PageData.Step(id: "step-\($0.number)", number: $0.number, title: $0.title) })
        let json = (try? HTML.scriptJSON(data)) ?? "{\"steps\":[]}"
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>\(e("vid2auto review: " + report.title))</title>
            <style>\(css)</style></head>
            <body>
            <header class="top"><strong>\(e(report.title))</strong><span id="current" aria-live="polite">\(report.steps.count) steps</span>\
            <span class="keys"><kbd>j</kbd>/<kbd>k</kbd> or arrows: next/previous step</span></header>
            <main>
            \(body)</main>
            <script type="application/json" id="report-data">\(json)</script>
            <script>\(script)</script>
            </body></html>

            """
    }

    /// What the page's script reads: the steps in order, for the "step N of M" line.
    struct PageData: Encodable {
        struct Step: Encodable { var id: String; var number: Int; var title: String }
        var steps: [Step]
    }

    static func seconds(_ t: Double) -> String { String(format: "%.2f s", t) }
    static func num(_ v: Double) -> String { String(format: "%.1f", v) }

    // MARK: - Sections

    static func header(_ r: ReportDocument) -> String {
        let e = HTML.escape
        var facts: [(String, String)] = [("target", e(r.target)), ("steps", "\(r.steps.count)")]
        if let s = r.source {
            facts.append(("recording", "\(s.displayWidth)×\(s.displayHeight), \(String(format: "%.1f", s.duration)) s, \(e(s.codec))"))
        }
        if let c = r.meanConfidence { facts.append(("mean confidence", ReviewReport.percent(c))) }
        if let u = r.startURL { facts.append(("start URL", "<code>\(e(u))</code>")) }
        let errors = r.diagnostics.filter { $0.severity == .error }.count, warnings = r.diagnostics.filter { $0.severity == .warning }.count
        facts.append(("diagnostics", "<a href=\"#diagnostics\">\(errors) errors, \(warnings) warnings, \(r.diagnostics.count - errors - warnings) notes</a>"))
        let dl = facts.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" }.joined()
        return "<section class=\"panel\" id=\"summary\"><h1>Review: \(e(r.title))</h1><dl class=\"facts\">\(dl)</dl>"
            + "<p class=\"hint\">Each step shows the lines it produced, the video just before and after it (the element boxed, "
            + "the pointer's point marked), what was read and why it was judged so. Check the low-confidence ones first.</p></section>\n"
    }

    static func stripSection(_ r: ReportDocument) -> String {
        let e = HTML.escape
        let d = r.duration
        var thumbs = ""
        for f in r.strip {
            thumbs += "<figure><img src=\"\(f.image.dataURL)\" width=\"\(f.image.width)\" height=\"\(f.image.height)\" "
                + "alt=\"frame at \(seconds(f.time))\"><figcaption>\(seconds(f.time))</figcaption></figure>"
        }
        var marks = ""
        for s in r.steps {
            guard let a = s.action else { continue }
            let left = min(100, max(0, a.time / d * 100))
            let width = max(0.4, min(100 - left, (a.endTime - a.time) / d * 100))
            marks += "<a class=\"mark k-\(a.kind.rawValue)\" href=\"#step-\(s.number)\" style=\"left:\(String(format: "%.3f", left))%;"
                + "width:\(String(format: "%.3f", width))%\" title=\"\(e("\(s.number). \(s.title) at \(seconds(a.time))"))\">"
                + "<span>\(s.number)</span></a>"
        }
        for c in r.swarm?.cuts ?? [] {
            marks += "<span class=\"cut\" style=\"left:\(String(format: "%.3f", min(100, max(0, c.time / d * 100))))%\" "
                + "title=\"\(e("cut at \(seconds(c.time)): \(c.reason)"))\"></span>"
        }
        return """
            <section class="panel" id="strip"><h2>The recording</h2>
            <div class="thumbs" style="grid-template-columns:repeat(\(max(1, r.strip.count)),1fr)">\(thumbs)</div>
            <div class="bar" aria-label="actions on the recording's time line">\(marks)</div>
            <p class="hint">0 s — \(seconds(d)). Numbered marks are the steps (click one to go there); thin lines are the orchestrator's cuts.</p>
            </section>

            """
    }

    static func figure(_ f: ReportFrame?, caption: String, cls: String = "") -> String {
        guard let f else { return "<figure class=\"shot missing\"><div class=\"none\">no frame</div><figcaption>\(caption)</figcaption></figure>" }
        let w = f.image.width, h = f.image.height
        var svg = ""
        for m in f.marks {
            switch m {
            case let .box(x, y, bw, bh):
                svg += "<rect class=\"box\" x=\"\(num(x))\" y=\"\(num(y))\" width=\"\(num(bw))\" height=\"\(num(bh))\"/>"
            case let .point(x, y):
                svg += "<circle class=\"ring\" cx=\"\(num(x))\" cy=\"\(num(y))\" r=\"9\"/><circle class=\"dot\" cx=\"\(num(x))\" cy=\"\(num(y))\" r=\"2.5\"/>"
            }
        }
        return "<figure class=\"shot \(cls)\"><div class=\"frame\"><img src=\"\(f.image.dataURL)\" width=\"\(w)\" height=\"\(h)\" alt=\"\(caption)\">"
            + "<svg viewBox=\"0 0 \(w) \(h)\" preserveAspectRatio=\"none\" aria-hidden=\"true\">\(svg)</svg></div>"
            + "<figcaption>\(caption) · \(seconds(f.time))</figcaption></figure>"
    }

    static func stepSection(_ s: ReportStep, index: Int, total: Int) -> String {
        let e = HTML.escape
        let a = s.action
        var head = "<h2><span class=\"num\">\(s.number)</span> <span class=\"kind k-\(a?.kind.rawValue ?? "goto")\">\(a?.kind.rawValue ?? "open")</span> "
            + "<span class=\"what\">\(e(s.title))</span>"
        if let a {
            head += "<span class=\"time\">\(a.endTime > a.time + 0.005 ? "\(seconds(a.time))–\(seconds(a.endTime))" : seconds(a.time))</span>"
            let level = a.confidence >= 0.75 ? "high" : a.confidence >= 0.6 ? "mid" : "low"
            head += "<span class=\"conf \(level)\" title=\"confidence\"><meter min=\"0\" max=\"1\" value=\"\(String(format: "%.2f", a.confidence))\"></meter> \(ReviewReport.percent(a.confidence))</span>"
        }
        head += "</h2>"
        // The box is where the element was before the action; after it the page may have changed,
        // so only the pointer's point is marked there.
        var after = s.after
        after?.marks.removeAll { if case .box = $0 { true } else { false } }
        var shots = figure(s.before, caption: "before") + figure(after, caption: "after")
        if let live = s.liveScreenshot {
            shots += figure(ReportFrame(time: s.after?.time ?? 0, image: live), caption: "live browser", cls: "live")
        }
        var lines = ""
        for (k, l) in s.lines.enumerated() {
            let n = s.firstLine.map { "\($0 + k)" } ?? ""
            lines += "<span class=\"ln\">\(n)</span>\(e(l))\n"
        }
        var read: [(String, String)] = []
        if let t = a?.target {
            if let v = t.role { read.append(("role", v.rawValue)) }
            for (k, v) in [("name", t.name), ("text", t.text), ("label", t.label), ("placeholder", t.placeholder), ("context", t.context)] {
                if let v { read.append((k, "<q>\(e(v))</q>")) }
            }
            if let b = t.box { read.append(("box", "\(Int(b.x)), \(Int(b.y)) · \(Int(b.width))×\(Int(b.height))")) }
            if let p = t.point { read.append(("pointer", "\(Int(p.x)), \(Int(p.y))")) }
        }
        if let a {
            if a.secret { read.append(("value", "<em>masked — never read or stored</em>")) }
            else if let v = a.value {
                switch v {
                case .text(let t): read.append(("value", "<q>\(e(t))</q>"))
                case .flag(let f): read.append(("value", f ? "ticked" : "unticked"))
                case .pixels(let d): read.append(("value", "\(Int(d.rounded())) px"))
                }
            }
            if let u = a.navigatesTo { read.append(("navigates to", "<code>\(e(u))</code>")) }
            if !a.appeared.isEmpty { read.append(("appeared", a.appeared.map { "<q>\(e($0))</q>" }.joined(separator: ", "))) }
            read.append(("confidence", String(format: "%.2f", a.confidence)))
            if !a.evidence.isEmpty { read.append(("evidence", a.evidence.map { seconds($0) }.joined(separator: ", "))) }
        }
        let table = read.isEmpty ? "<p class=\"hint\">Nothing read: the step comes from the code generator.</p>"
            : "<table class=\"read\">" + read.map { "<tr><th>\($0.0)</th><td>\($0.1)</td></tr>" }.joined() + "</table>"
        let grounding: String
        if let g = s.grounding {
            var parts = ["<span class=\"badge g-\(e(g.status))\">\(e(g.status))</span>"]
            if let sim = g.similarity { parts.append("similarity \(String(format: "%.2f", sim))") }
            parts += g.locators.map { "<code>\(e($0))</code>" }
            parts += g.corrections.map { "corrected: \(e($0))" }
            if let n = g.note { parts.append(e(n)) }
            grounding = parts.joined(separator: "<br>")
        } else {
            grounding = "<span class=\"badge g-none\">not grounded</span> <span class=\"hint\">run with --live to check it against the live page</span>"
        }
        let notes = s.notes.isEmpty ? "" : "<ul class=\"notes\">" + s.notes.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
        return """
            <section class="step panel" id="step-\(s.number)" tabindex="-1" data-index="\(index)">\(head)
            <div class="cols\(s.liveScreenshot == nil ? "" : " live")"><div class="shots">\(shots)</div>
            <div class="info"><pre class="code lines">\(lines.isEmpty ? "<span class=\"hint\">(no lines)</span>" : lines)</pre>
            <h3>What was read</h3>\(table)
            <h3>Why</h3><p>\(e(s.rationale))</p>\(notes)
            <h3>Grounding</h3><p class="grounding">\(grounding)</p></div></div>
            </section>

            """
    }

    static func diagnosticsSection(_ ds: [Diagnostic]) -> String {
        let e = HTML.escape
        let items = ds.map { d in
            "<li class=\"d-\(d.severity.rawValue)\"><span class=\"sev\">\(d.severity.rawValue)</span>"
                + (d.segment.map { " segment \($0):" } ?? "") + " \(e(d.message))</li>"
        }.joined()
        return "<section class=\"panel\" id=\"diagnostics\"><h2>Diagnostics</h2>"
            + (ds.isEmpty ? "<p class=\"hint\">None: nothing went wrong that the analysis noticed.</p>" : "<ul class=\"diags\">\(items)</ul>")
            + "</section>\n"
    }

    static func swarmSection(_ swarm: SwarmReport?, duration: Double) -> String {
        let e = HTML.escape
        guard let s = swarm else { return "<section class=\"panel\" id=\"swarm\"><h2>Swarm</h2><p class=\"hint\">The timeline has no swarm section.</p></section>\n" }
        var facts = "\(s.segments) segments on \(s.agents) agent\(s.agents == 1 ? "" : "s") · \(s.totalSteps) steps, \(s.criticalSteps) on the critical path"
            + " · \(String(format: "%.2f", s.wallSeconds)) s wall"
        if let sp = s.speedup { facts += " · speedup \(String(format: "%.2f", sp))× over one agent" }
        if s.retries > 0 { facts += " · \(s.retries) retries" }
        guard let t = s.timing, !t.segments.isEmpty || !t.stages.isEmpty else {
            return "<section class=\"panel\" id=\"swarm\"><h2>Swarm</h2><p>\(facts)</p><p class=\"hint\">No per-agent timings in this timeline.</p></section>\n"
        }
        let wall = max(s.wallSeconds, t.stages.map(\.end).max() ?? 0, t.segments.map(\.end).max() ?? 0, 0.001)
        let lanes = max(s.agents, (t.segments.map(\.agent).max() ?? -1) + 1)
        let left = 110.0, right = 1090.0, laneH = 24.0, top = 8.0
        let height = top + Double(lanes + 1) * laneH + 28
        func x(_ v: Double) -> Double { left + v / wall * (right - left) }
        let critical = t.criticalAgent
        var svg = ""
        // Lane labels and backgrounds.
        for lane in 0...lanes {
            let y = top + Double(lane) * laneH
            svg += "<rect class=\"lane\" x=\"\(num(left))\" y=\"\(num(y))\" width=\"\(num(right - left))\" height=\"\(num(laneH - 4))\"/>"
            svg += "<text class=\"lab\" x=\"\(num(left - 8))\" y=\"\(num(y + 15))\" text-anchor=\"end\">\(lane == 0 ? "orchestrator" : "agent \(lane)")</text>"
        }
        for st in t.stages where st.name != "analyse" {
            svg += "<rect class=\"stage crit\" x=\"\(num(x(st.start)))\" y=\"\(num(top))\" width=\"\(num(max(1.5, x(st.end) - x(st.start))))\" height=\"\(num(laneH - 4))\">"
                + "<title>\(e("\(st.name): \(seconds(st.start))–\(seconds(st.end))"))</title></rect>"
            svg += "<text class=\"lab in\" x=\"\(num(x(st.start) + 3))\" y=\"\(num(top + 15))\">\(e(st.name))</text>"
        }
        for seg in t.segments {
            let y = top + Double(seg.agent + 1) * laneH
            let w = max(1.5, x(seg.end) - x(seg.start))
            let cls = seg.failed ? "seg failed" : seg.agent == critical ? "seg crit" : "seg"
            svg += "<rect class=\"\(cls)\" x=\"\(num(x(seg.start)))\" y=\"\(num(y))\" width=\"\(num(w))\" height=\"\(num(laneH - 4))\">"
                + "<title>\(e("segment \(seg.segment) (video \(seconds(seg.videoStart))–\(seconds(seg.videoEnd))): \(seconds(seg.start))–\(seconds(seg.end)) on agent \(seg.agent + 1)"))</title></rect>"
            if w > 22 { svg += "<text class=\"lab in\" x=\"\(num(x(seg.start) + 3))\" y=\"\(num(y + 15))\">s\(seg.segment)</text>" }
        }
        // Axis.
        let step = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30, 60, 120].first { wall / $0 <= 10 } ?? 300
        let axisY = top + Double(lanes + 1) * laneH + 4
        var tick = 0.0
        while tick <= wall + 1e-9 {
            svg += "<line class=\"tick\" x1=\"\(num(x(tick)))\" x2=\"\(num(x(tick)))\" y1=\"\(num(top))\" y2=\"\(num(axisY))\"/>"
                + "<text class=\"lab\" x=\"\(num(x(tick)))\" y=\"\(num(axisY + 14))\" text-anchor=\"middle\">\(String(format: step < 1 ? "%.1f" : "%.0f", tick)) s</text>"
            tick += step
        }
        return """
            <section class="panel" id="swarm"><h2>Swarm</h2><p>\(facts)</p>
            <svg class="chart" viewBox="0 0 1100 \(num(height))" role="img" aria-label="segments per agent over wall-clock time">\(svg)</svg>
            <p class="hint">Each bar is one segment's analysis by one agent (wall-clock seconds). Highlighted: the critical path — \
            the orchestrator's plan, the agent that finished last\(critical.map { " (agent \($0 + 1))" } ?? ""), the aggregation.</p>
            </section>

            """
    }

    // MARK: - Constants

    /// No network at all: pictures only from `data:`, styles inline, and only the page's own script (by hash).
    static let contentSecurityPolicy =
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src '\(scriptHash)'; base-uri 'none'; form-action 'none'"

    /// `sha256-` of `script` in base64 (checked by Tests/harness/test_report.py and by the browser,
    /// which refuses to run the script when it does not match).
    static let scriptHash = "sha256-joOwOTs+C4arkNOeEK5I2XnvfpCqWFK+xq/Z2rJwGAs="

    static let script = #"""
    (function () {
      "use strict";
      var data = JSON.parse(document.getElementById("report-data").textContent);
      var steps = Array.prototype.slice.call(document.querySelectorAll("section.step"));
      var status = document.getElementById("current");
      var current = -1;
      function show(i, scroll) {
        if (!steps.length) return;
        current = Math.max(0, Math.min(steps.length - 1, i));
        steps.forEach(function (s, k) { s.classList.toggle("current", k === current); });
        var s = steps[current], d = data.steps[current];
        if (scroll) { s.scrollIntoView({ block: "start" }); s.focus({ preventScroll: true }); }
        status.textContent = "Step " + (current + 1) + " of " + steps.length + (d ? " \u00b7 " + d.title : "");
        try { history.replaceState(null, "", "#" + s.id); } catch (e) { /* file: pages may refuse */ }
      }
      document.addEventListener("keydown", function (e) {
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        var t = e.target;
        if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
        if (e.key === "j" || e.key === "ArrowDown" || e.key === "ArrowRight") { e.preventDefault(); show(current + 1, true); }
        else if (e.key === "k" || e.key === "ArrowUp" || e.key === "ArrowLeft") { e.preventDefault(); show(current - 1, true); }
      });
      steps.forEach(function (s, k) { s.addEventListener("click", function () { show(k, false); }); });
      var m = /^#(step-\d+)$/.exec(location.hash);
      if (m) { var at = steps.findIndex(function (s) { return s.id === m[1]; }); if (at >= 0) show(at, true); }
    })();
    """#

    static let css = #"""
    :root{--bg:#f6f7f9;--panel:#fff;--fg:#1d2330;--muted:#5b6475;--line:#dde1e8;--code:#f1f3f6;--accent:#2563eb;
    --crit:#d97706;--seg:#60a5fa;--bad:#b91c1c;--ok:#15803d;--mid:#b45309;--mark:#e11d48}
    @media (prefers-color-scheme: dark){:root{--bg:#12151b;--panel:#1b2029;--fg:#e6e9ef;--muted:#9aa3b2;--line:#2d3440;
    --code:#232a35;--accent:#7aa2ff;--crit:#f59e0b;--seg:#3b82f6;--bad:#f87171;--ok:#4ade80;--mid:#fbbf24;--mark:#fb7185}}
    *{box-sizing:border-box}
    body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif}
    header.top{position:sticky;top:0;z-index:5;display:flex;gap:16px;align-items:baseline;padding:8px 20px;
    background:var(--panel);border-bottom:1px solid var(--line)}
    header.top #current{flex:1;color:var(--muted);overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
    .keys{color:var(--muted);font-size:12px}
    kbd{border:1px solid var(--line);border-radius:3px;padding:0 4px;font-size:12px}
    main{max-width:1220px;margin:0 auto;padding:12px 20px 40px}
    .panel{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:12px 0}
    h1{font-size:20px;margin:0 0 8px}h2{font-size:16px;margin:0 0 8px;display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
    h3{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:10px 0 4px}
    .facts{display:flex;flex-wrap:wrap;gap:6px 24px;margin:0}.facts dt{color:var(--muted);font-size:12px}.facts dd{margin:0}
    .hint{color:var(--muted);font-size:12px;margin:6px 0 0}
    a{color:var(--accent)}
    .thumbs{display:grid;gap:4px}.thumbs figure{margin:0}.thumbs img{width:100%;height:auto;display:block;border-radius:3px}
    .thumbs figcaption{font-size:11px;color:var(--muted);text-align:center}
    .bar{position:relative;height:26px;margin-top:6px;background:var(--code);border-radius:4px}
    .bar .mark{position:absolute;top:3px;height:20px;min-width:14px;background:var(--accent);border-radius:3px;color:#fff;
    text-decoration:none;font-size:11px;line-height:20px;text-align:center;opacity:.85}
    .bar .mark:hover,.bar .mark:focus{opacity:1;outline:2px solid var(--fg)}
    .bar .cut{position:absolute;top:0;bottom:0;width:0;border-left:1px dashed var(--muted)}
    .k-fill{background:#7c3aed!important}.k-click{background:#2563eb!important}.k-press{background:#0891b2!important}
    .k-select{background:#059669!important}.k-check{background:#65a30d!important}.k-scroll{background:#64748b!important}
    .k-goto{background:#475569!important}
    .step{scroll-margin-top:48px;outline:none}
    .step.current{border-color:var(--accent);box-shadow:0 0 0 2px var(--accent)}
    .num{display:inline-block;min-width:28px;text-align:center;background:var(--fg);color:var(--panel);border-radius:4px;padding:0 4px}
    .kind{color:#fff;border-radius:4px;padding:0 6px;font-size:12px}
    .what{font-weight:600;overflow-wrap:anywhere}.time{color:var(--muted);font-weight:400;font-size:13px}
    .conf{font-size:12px;color:var(--muted);margin-left:auto}.conf meter{width:70px;vertical-align:middle}
    .conf.low{color:var(--bad);font-weight:600}
    .cols{display:grid;grid-template-columns:minmax(0,460px) minmax(0,1fr);gap:16px}
    .cols.live{grid-template-columns:minmax(0,900px) minmax(0,1fr)}
    .shots{display:grid;grid-template-columns:1fr;gap:8px;align-content:start}.live .shots{grid-template-columns:1fr 1fr}
    .shot{margin:0}.shot .frame{position:relative;line-height:0}
    .shot img{width:100%;height:auto;border:1px solid var(--line);border-radius:4px}
    .shot svg{position:absolute;inset:0;width:100%;height:100%;pointer-events:none}
    .shot .box{fill:none;stroke:var(--mark);stroke-width:2;vector-effect:non-scaling-stroke}
    .shot .ring{fill:none;stroke:var(--mark);stroke-width:2;vector-effect:non-scaling-stroke}.shot .dot{fill:var(--mark)}
    .shot figcaption{font-size:11px;color:var(--muted)}
    .shot .none{aspect-ratio:16/10;display:flex;align-items:center;justify-content:center;background:var(--code);color:var(--muted);line-height:1.4}
    pre.code{background:var(--code);border-radius:4px;padding:8px;margin:0;overflow-x:auto;font:12px/1.5 ui-monospace,"DejaVu Sans Mono",monospace;white-space:pre}
    .ln{display:inline-block;width:3.2em;color:var(--muted);user-select:none}
    table.read{border-collapse:collapse;width:100%}.read th{text-align:left;color:var(--muted);font-weight:400;width:110px;vertical-align:top;padding:1px 8px 1px 0}
    .read td{overflow-wrap:anywhere;padding:1px 0}
    .notes{margin:6px 0 0;padding-left:18px;color:var(--mid)}
    .badge{border-radius:10px;padding:0 8px;font-size:12px;border:1px solid var(--line)}
    .g-verified{color:var(--ok);border-color:var(--ok)}.g-corrected{color:var(--mid);border-color:var(--mid)}.g-offline,.g-none{color:var(--muted)}
    .diags{margin:0;padding-left:18px}.sev{font-weight:600}.d-error .sev{color:var(--bad)}.d-warning .sev{color:var(--mid)}.d-note .sev{color:var(--muted)}
    svg.chart{width:100%;height:auto;display:block}
    .chart .lane{fill:var(--code)}.chart .seg{fill:var(--seg)}.chart .crit{fill:var(--crit)}.chart .failed{fill:var(--bad)}
    .chart .lab{fill:var(--muted);font-size:11px}.chart .lab.in{fill:#fff;pointer-events:none}.chart .tick{stroke:var(--line)}
    details summary{cursor:pointer;font-weight:600}
    @media (max-width:900px){.cols{grid-template-columns:1fr}}
    """#
}
