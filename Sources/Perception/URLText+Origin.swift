import ScreenCore

extension URLText {
    /// `url` with its scheme and authority taken from `known` (the session's start URL) when the two
    /// name one server but for an OCR slip: an icon beside the address read as a character
    /// ("https://4127.0.0.1:8830/…" for "http://127.0.0.1:8830/…"). Same port (or none on both) and
    /// hosts at most two edits apart (and a fifth of the host's length), or the same authority with
    /// an explicit port and another scheme (one port does not serve both http and https). A host
    /// further away, or another port, is another site: `url` as read.
    public static func withKnownOrigin(_ url: String, known: String?) -> String {
        guard let known, let read = originParts(url), let start = originParts(known) else { return url }
        let knownOrigin = start.scheme + "://" + start.authority
        if read.authority.lowercased() == start.authority.lowercased() {
            return read.scheme != start.scheme && start.port != nil ? knownOrigin + read.rest : url
        }
        guard read.port == start.port, start.host.count >= 5 else { return url }
        let d = TextSimilarity.distance(Array(read.host.lowercased()), Array(start.host.lowercased()))
        guard d <= 2, d * 5 <= start.host.count else { return url }
        return knownOrigin + read.rest
    }

    /// A URL's scheme, authority (host and port), host, port and the rest (path, query, fragment).
    static func originParts(_ url: String) -> (scheme: String, authority: String, host: String, port: String?, rest: String)? {
        guard let r = url.range(of: "://") else { return nil }
        let scheme = url[..<r.lowerBound].lowercased()
        let after = url[r.upperBound...]
        let authority = after.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !scheme.isEmpty, !authority.isEmpty else { return nil }
        var host = Substring(authority)
        var port: String?
        if let c = authority.lastIndex(of: ":"), authority[authority.index(after: c)...].allSatisfy(\.isNumber),
           c < authority.index(before: authority.endIndex) {
            host = authority[..<c]
            port = String(authority[authority.index(after: c)...])
        }
        return (scheme, String(authority), String(host), port, String(after.dropFirst(authority.count)))
    }
}
