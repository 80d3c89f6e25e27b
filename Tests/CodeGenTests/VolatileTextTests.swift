@testable import CodeGen
import ScreenCore
import XCTest

final class VolatileTextTests: XCTestCase {
    func testClockAndCalendarTextChangesByItself() {
        for t in ["Good morning, Daniel", "good Evening Ana", "Updated 9:41", "at 09:41:07 pm", "3 minutes ago", "5m ago",
                  "Yesterday", "Due today", "2026-12-04", "12/04/2026", "Dec 4", "4 December", "Friday, 4th",
                  "Last week's invoices"] {
            XCTAssertTrue(VolatileText.changesByItself(t), t)
        }
    }

    func testOrdinaryTextDoesNot() {
        for t in ["Ledger", "Invoices", "Blue Heron Bakery", "Total $1,240.00", "3 items left", "Order #4417", "Sign in",
                  "Marchetti & Sons", "Mayfield Road", "Version 2.1.3", "Room 12"] {
            XCTAssertFalse(VolatileText.changesByItself(t), t)
        }
    }

    func testAVolatileTextIsNoAssertion() throws {
        let action = Action(kind: .press, time: 1, value: .text("Enter"), appeared: ["Good morning, Daniel", "Invoices"])
        let plan = Planner(options: RenderOptions()).plan(ActionTimeline(startURL: "http://x.test/", actions: [action]))
        let texts = plan.steps.flatMap(\.operations).compactMap { op -> String? in
            if case .expectText(let t) = op { return t }
            return nil
        }
        XCTAssertEqual(texts, ["Invoices"])
    }
}
