import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 26's rule for a click read on the focused field whose popup is open
/// (LiveGrounder+PopupKeys.swift): only a change no click on that field makes lets the popup's
/// keys be tried, and Enter is kept only when the live page reaches what the video shows.
final class PopupKeysTests: XCTestCase {
    func testOnlyAChangeBeyondTheFieldLetsThePopupKeysBeTried() {
        let live = "http://127.0.0.1:5000/docs/"
        // The docs row: the result opened, the page jumped to its anchor, the address read with it.
        XCTAssertTrue(Run.popupKeysPlausible(pageSimilarity: 0.45, read: live + "#caching", live: live))
        // The address read alone, or the page changed alone.
        XCTAssertTrue(Run.popupKeysPlausible(pageSimilarity: 0.99, read: live + "#caching", live: live))
        XCTAssertTrue(Run.popupKeysPlausible(pageSimilarity: 0.5, read: nil, live: live))
        // A caret or a highlight moving (the page as it was), the address the live page is at.
        XCTAssertFalse(Run.popupKeysPlausible(pageSimilarity: 0.95, read: nil, live: live))
        XCTAssertFalse(Run.popupKeysPlausible(pageSimilarity: 0.95, read: live, live: live))
    }

    func testEnterIsKeptWhenItReachesTheAddressReadOrClearlyNearsTheVideo() {
        let live = "http://127.0.0.1:5000/docs/"
        XCTAssertTrue(Run.popupEnterKept(reached: live + "#caching", read: live + "#caching", before: 0.5, after: 0.5))
        XCTAssertTrue(Run.popupEnterKept(reached: live, read: nil, before: 0.5, after: 0.5 + Run.popupEnterGain))
        // Another result opened than the one read, or the page no nearer the video.
        XCTAssertFalse(Run.popupEnterKept(reached: live + "#routing", read: live + "#caching", before: 0.5, after: 0.55))
        XCTAssertFalse(Run.popupEnterKept(reached: live, read: nil, before: 0.5, after: 0.55))
        XCTAssertFalse(Run.popupEnterKept(reached: live, read: nil, before: nil, after: 0.9))
    }
}
