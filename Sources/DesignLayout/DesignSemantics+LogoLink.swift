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

    /// The narrowest logo, in pixels: a square emblem narrower than this beside the site's name (a
    /// mockup's 32 px brand swatch) is a mark, and the name is the link (`markBrand`). Logos that draw
    /// the name are wider (the narrowest linked first picture on the Design2Code pages is 62 px).
    static let logoMinWidth = 48

    /// Marks the page's logo as a link (`tag` "a" on the picture node: `<a><img></a>`): the first
    /// picture in reading order (topmost, then leftmost) when it starts within `logoBand` of the
    /// top, is at least `logoMinSide` on both sides and `logoMinWidth` wide. Nothing changes when the first picture is
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
        guard let f = first, f.box.y < logoBand, f.box.width >= max(logoMinSide, logoMinWidth), f.box.height >= logoMinSide else { return }
        func mark(_ n: inout UINode, _ path: ArraySlice<Int>) {
            guard let i = path.first else { n.tag = "a"; return }
            mark(&n.children[i], path.dropFirst())
        }
        mark(&root, f.path[...])
    }
}
