import ScreenCore

/// Values for `steps.mustache`: a numbered Markdown list a person can follow by hand. Names read
/// off the screen are bold, values are quoted, and all of it is escaped so nothing from the
/// video can turn into Markdown syntax.
struct StepsDialect: Dialect {
    func context(for plan: ScriptPlan, options: RenderOptions) -> [String: Any] {
        var root: [String: Any] = [
            "title": MarkdownText.escape(plan.title),
            "hasSecrets": !plan.secrets.isEmpty,
            "secrets": plan.secrets.map { ["name": $0.name, "about": MarkdownText.escape($0.about)] },
            "steps": plan.steps.map(step),
        ]
        if let r = plan.recording { root["recording"] = MarkdownText.escape(r) }
        if let v = plan.viewport, v.width > 0, v.height > 0 { root["viewport"] = ["width": v.width, "height": v.height] }
        return root
    }

    private func step(_ step: PlannedStep) -> [String: Any] {
        let indent = String(repeating: " ", count: "\(step.number). ".count)
        var details: [String] = []
        for op in step.operations {
            switch op {
            case .expectURL(let url):
                details.append("Check that the address is now " + MarkdownText.escape(url, continuationIndent: indent + "  "))
            case .expectText(let text):
                details.append("Check that " + quoted(text, indent: indent + "  ") + " appears")
            case .note(let text):
                details.append("Note: " + MarkdownText.escape(text, continuationIndent: indent + "  "))
            case .select(.point, let option):
                details.append("Choose " + quoted(option, indent: indent + "  ") + " in the list that opens")
            default:
                break
            }
        }
        details += step.remarks.map { "Note: " + MarkdownText.escape($0, continuationIndent: indent + "  ") }
        if let g = step.grounding, g.status == .corrected {
            details += g.corrections.map { "Correction: " + MarkdownText.escape($0, continuationIndent: indent + "  ") }
        }
        return [
            "number": step.number,
            "indent": indent,
            "text": render(step.summary, indent: indent) + liveMark(step.grounding),
            "details": details,
        ]
    }

    /// A short mark after the step's sentence when a live session verified or corrected it.
    private func liveMark(_ g: Grounding?) -> String {
        switch g?.status {
        case .verified?: " (verified in the live app)"
        case .corrected?: " (corrected in the live app)"
        case .offline?, nil: ""
        }
    }

    private func render(_ phrase: Phrase, indent: String) -> String {
        phrase.parts.map { part -> String in
            switch part {
            case .words(let w): MarkdownText.escape(w, continuationIndent: indent)
            case .name(let n): "**" + MarkdownText.escape(n, continuationIndent: indent) + "**"
            case .value(let v): quoted(v, indent: indent)
            case .url(let u): MarkdownText.escape(u, continuationIndent: indent)
            case .secret(let s): "the secret from the environment variable `\(s)`"
            }
        }.joined()
    }

    private func quoted(_ v: String, indent: String) -> String {
        "\u{201C}" + MarkdownText.escape(v, continuationIndent: indent) + "\u{201D}"
    }
}
