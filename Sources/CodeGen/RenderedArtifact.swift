/// The text of one rendered output, ready to be written to a file or printed.
public struct RenderedArtifact: Sendable, Equatable {
    public var target: ScriptTarget
    /// The full file contents, ending with a newline.
    public var text: String
    /// The extension (without a leading dot) to give the file, e.g. `py` or `spec.ts`.
    public var suggestedFileExtension: String
    /// Environment variables the script reads for masked (secret) fields, in the order of the fills
    /// that use them. Each is also declared in a `# secret: NAME — …` / `// secret: NAME — …` header line.
    public var secrets: [String]

    /// An artifact; normally made by `ScriptRenderer.render`.
    public init(target: ScriptTarget, text: String, suggestedFileExtension: String, secrets: [String]) {
        self.target = target; self.text = text
        self.suggestedFileExtension = suggestedFileExtension; self.secrets = secrets
    }
}
