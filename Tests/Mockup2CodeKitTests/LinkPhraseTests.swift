import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// "Go to <site>" and "Click here" lines are links; sentences that start the same way are not.
final class LinkPhraseTests: XCTestCase {
    func testGoToLines() {
        XCTAssertTrue(DesignSemantics.isGoToLine("Go to Socrative"))
        XCTAssertTrue(DesignSemantics.isGoToLine("Go to EnGenius Technologies"))
        XCTAssertFalse(DesignSemantics.isGoToLine("Go to the store and buy some milk"))
        XCTAssertFalse(DesignSemantics.isGoToLine("Go to Lisbon."))
        XCTAssertFalse(DesignSemantics.isGoToLine("go to Socrative now"))
    }

    func testPhrasesAreActions() {
        XCTAssertTrue(DesignSemantics.isActionPhrase("Click here"))
        XCTAssertFalse(DesignSemantics.isActionPhrase("3 comments"))   // an issue tracker's count is data
        XCTAssertTrue(DesignSemantics.isActionPhrase("Go to Socrative"))
        XCTAssertFalse(DesignSemantics.isActionPhrase("Click here to get your copy now!"))
        XCTAssertFalse(DesignSemantics.isActionPhrase("Click here\nGo to Socrative"))
    }
}
