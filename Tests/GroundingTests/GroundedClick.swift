import Browser
@testable import Grounding
import ScreenCore

extension Action {
    /// The click live grounding makes of `read`: a button named `name` at the read's point,
    /// grounded as corrected by its role locator (the shape the choice rules compare against).
    static func groundedClick(named name: String, from read: Action) -> Action {
        var a = read
        a.kind = .click
        a.value = nil
        a.target = Target(role: .button, name: name, point: read.target?.point)
        a.grounding = Grounding(status: .corrected, locator: LiveLocator(kind: .role, value: "button", name: name))
        return a
    }
}
