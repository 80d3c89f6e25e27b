import Foundation
import ScreenCore

/// The part of a rendered script that one step produced: what a review report shows beside the
/// video's evidence for that step.
public struct RenderedStep: Sendable, Equatable {
    /// The step's number as the script's comments say it (1-based).
    public var number: Int
    /// The timeline action the step replays; nil for a step the planner added (opening the start URL).
    public var actionIndex: Int?
    /// The 1-based line of `lines[0]` in the whole artifact; nil when the lines are not part of it
    /// (the `timeline` target, whose steps are each action's own JSON).
    public var firstLine: Int?
    /// The step's lines, without the blank lines around it.
    public var lines: [String]

    public init(number: Int, actionIndex: Int?, firstLine: Int?, lines: [String]) {
        self.number = number; self.actionIndex = actionIndex; self.firstLine = firstLine; self.lines = lines
    }
}

extension ScriptRenderer {
    /// Renders `timeline` for `target` and says which lines each step produced.
    ///
    /// The steps are found by rendering the template again with the first 0, 1, … n steps: the
    /// lines step k adds are where the render with k steps departs from the one with k − 1. This
    /// works for any template (a user's `--templates` too) without markers in the output; a step's
    /// lines are taken from the render that ends with it, so a step whose first lines equal the
    /// template's closing lines still gets its own text.
    /// - Throws: what `render` throws.
    public func renderSteps(_ timeline: ActionTimeline, target: ScriptTarget) throws
        -> (artifact: RenderedArtifact, steps: [RenderedStep]) {
        let artifact = try render(timeline, target: target)
        if target == .timeline {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let steps = try timeline.actions.enumerated().map { i, action -> RenderedStep in
                let text = String(decoding: try encoder.encode(action), as: UTF8.self)
                return RenderedStep(number: i + 1, actionIndex: i, firstLine: nil, lines: text.components(separatedBy: "\n"))
            }
            return (artifact, steps)
        }
        guard let name = target.templateName, let dialect = Self.dialect(for: target) else { return (artifact, []) }
        let plan = Planner(options: options).plan(timeline)
        var context = dialect.context(for: plan, options: options)
        guard let all = context["steps"] as? [Any], all.count == plan.steps.count else { return (artifact, []) }
        let library = try loader.library(for: name)
        func lines(_ k: Int) -> [String] {
            context["steps"] = Array(all.prefix(k))
            return (library.render(context, withTemplate: name) ?? "").components(separatedBy: "\n")
        }
        var steps: [RenderedStep] = []
        var previous = lines(0)
        for (k, planned) in plan.steps.enumerated() {
            let current = lines(k + 1)
            let added = max(0, current.count - previous.count)
            var start = 0
            while start < previous.count, start < current.count, previous[start] == current[start] { start += 1 }
            start = min(start, current.count - added)
            var chunk = Array(current[start ..< start + added])
            var first = start
            while let l = chunk.first, l.trimmingCharacters(in: .whitespaces).isEmpty { chunk.removeFirst(); first += 1 }
            while let l = chunk.last, l.trimmingCharacters(in: .whitespaces).isEmpty { chunk.removeLast() }
            steps.append(RenderedStep(number: planned.number, actionIndex: planned.actionIndex, firstLine: first + 1, lines: chunk))
            previous = current
        }
        return (artifact, steps)
    }
}
