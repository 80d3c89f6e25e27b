import ScreenCore

/// Where a live field lies in the video: the shift that lines its rendering up with the video's.
///
/// The field crops of the render-and-compare step are placed by the viewport's origin the offline
/// analysis found, and that origin can be several pixels off (docs-search-escape-1440's viewport
/// was read at y = 80 for 87: every value was compared with a crop cut 7 pixels too high, 1000+ ink
/// pixels off whatever was typed); `mismatch` only forgives two. The field's own outline — its
/// border, background and text, the same page drawn twice — says where it really is.
extension ValueCompare {
    /// The shift (video pixels: live pixel (x, y) over video pixel (x + dx, y + dy)) up to
    /// `maxShift` either way at which the live crop `live` (`width`×`height` gray levels, the
    /// field's box and a margin, resampled to video pixels) matches the video's gray levels best.
    /// `video` is the video's crop of the same box grown by `maxShift` on every side
    /// (`(width + 2·maxShift)`×`(height + 2·maxShift)`). Each side is compared against its own
    /// median (a uniform change of brightness from compression does not count).
    ///
    /// Returns the best shift and the mean difference there and at no shift; nil when the crops
    /// have no contrast (nothing to line up).
    public static func fieldShift(live: [Double], video: [Double], width: Int, height: Int, maxShift: Int)
        -> (dx: Int, dy: Int, cost: Double, unshifted: Double)? {
        let vw = width + 2 * maxShift, vh = height + 2 * maxShift
        guard width > 0, height > 0, maxShift >= 0, live.count == width * height, video.count == vw * vh else { return nil }
        func centred(_ g: [Double]) -> [Double] {
            let m = g.sorted()[g.count / 2]
            return g.map { $0 - m }
        }
        let l = centred(live), v = centred(video)
        // (No contrast in the live crop: an empty page area, no outline to register.)
        guard l.reduce(0, { $0 + abs($1) }) / Double(l.count) >= minOutline else { return nil }
        var best = (dx: 0, dy: 0, cost: Double.infinity)
        var unshifted = Double.infinity
        for dy in -maxShift...maxShift {
            for dx in -maxShift...maxShift {
                var sum = 0.0
                for y in 0..<height {
                    let row = (y + dy + maxShift) * vw + maxShift + dx
                    for x in 0..<width { sum += abs(l[y * width + x] - v[row + x]) }
                }
                let cost = sum / Double(width * height)
                if dx == 0 && dy == 0 { unshifted = cost }
                if cost < best.cost - 1e-9 || abs(cost - best.cost) <= 1e-9 && abs(dx) + abs(dy) < abs(best.dx) + abs(best.dy) {
                    best = (dx, dy, cost)
                }
            }
        }
        return (best.dx, best.dy, best.cost, unshifted)
    }

    /// The least mean contrast (gray levels from the median) a live crop needs to be registered.
    static let minOutline = 2.0

    /// Whether a shift found by `fieldShift` moves the crops: it lines the field up clearly better
    /// than no shift (its mean difference at most `clearShift` of the unshifted one), and goes
    /// beyond the shifts `mismatch` searches itself (3 pixels across, 2 down): within them the
    /// compare already lines the texts up, and moving the crop only changes which of two texts a
    /// field scrolled to its end fits (board-hidpi2x-1080, 2 px: its reading "nc retry with
    /// backo" then matched the visible end and the field's whole value was never tried).
    public static func shiftsCrops(_ s: (dx: Int, dy: Int, cost: Double, unshifted: Double)) -> Bool {
        (abs(s.dx) > 3 || abs(s.dy) > 2) && s.cost <= clearShift * s.unshifted
    }

    /// How much better (as a fraction of the unshifted mean difference) a shift must line up.
    static let clearShift = 0.75
}
