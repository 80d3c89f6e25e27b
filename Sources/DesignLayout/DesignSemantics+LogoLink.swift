import ScreenCore

/// The picture a page starts with — a site's logo in its header band — is a link home far more
/// often than not (on the Design2Code pages, 14 of the 20 first pictures drawn within the top
/// 150 px are wrapped in an `<a>`; of the later ones, or the first ones lower down, few are).
extension DesignSemantics {
    /// How far from the top of the page, in pixels, the first picture may start to count as the
    /// page's logo (a header band; a picture starting lower is content: a hero, an article's photo).
    public static let logoBand = 150

    /// The smallest side, in pixels, of a logo (smaller: a glyph or an icon of a menu).
    static let logoMinSide = 24

    /// Marks the page's logo as a link (`tag` "a" on the picture node: `<a><img></a>`): the first
    /// picture in reading order (topmost, then leftmost) when it starts within `logoBand` of the
    /// top and is at least `logoMinSide` on both sides. Nothing changes when the first picture is
    /// smaller or lower.
    static func markLogoLink(_ root: inout UINode) {
        var first: (path: [Int], box: PixelRect)? = nil
        func find(_ n: UINode, _ path: [Int]) {
            if n.kind == .image || n.kind == .icon {
                if first.map({ (n.box.y, n.box.x) < ($0.box.y, $0.box.x) }) ?? true { first = (path, n.box) }
                return
            }
            for (i, c) in n.children.enumerated() { find(c, path + [i]) }
        }
        find(root, [])
        guard let f = first, f.box.y < logoBand, f.box.width >= logoMinSide, f.box.height >= logoMinSide else { return }
        func mark(_ n: inout UINode, _ path: ArraySlice<Int>) {
            guard let i = path.first else { n.tag = "a"; return }
            mark(&n.children[i], path.dropFirst())
        }
        mark(&root, f.path[...])
    }
}
