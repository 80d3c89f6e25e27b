import Foundation
import ScreenCore

extension Aggregator {
    /// A control's name without an unpaired double quote at either end: a quote that opens no
    /// quotation is a speck, a border or the pointer's remains read beside the text ("\"Yes" for a
    /// Yes button), and a script looking the control up by that name finds nothing. Names that
    /// quote something ("Say \"hi\"") keep their quotes.
    static func withoutStrayQuote(_ name: String?) -> String? {
        guard var t = name, t.filter({ $0 == "\"" }).count % 2 == 1 else { return name }
        if t.first == "\"" { t.removeFirst() } else if t.last == "\"" { t.removeLast() } else { return name }
        t = t.trimmingCharacters(in: .whitespaces)
        return t.isEmpty ? name : t
    }
}
