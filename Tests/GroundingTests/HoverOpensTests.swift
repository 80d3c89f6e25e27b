import Foundation
@testable import Grounding
import XCTest

/// Session 18: a click read on a disclosure that opens on hover is a rest (`LiveGrounder+HoverOpens.swift`).
final class HoverOpensTests: XCTestCase {
    func testOnlyACollapsedDisclosureThatExpandsOpensOnRest() {
        XCTAssertTrue(Run.disclosureOpened(before: "false", after: "true"))
        XCTAssertFalse(Run.disclosureOpened(before: "false", after: "false"), "resting did not open it: the press did")
        XCTAssertFalse(Run.disclosureOpened(before: "true", after: "true"), "already open")
        XCTAssertFalse(Run.disclosureOpened(before: nil, after: "true"), "no disclosure")
    }
}
