@testable import DesignLayout
import XCTest
@testable import Mockup2CodeKit

/// Session 25's text rules: icon glyphs beside a line, lone bullets, title case of short capitals.
final class IconGlyphAndTitleCaseTests: XCTestCase {
    private func kept(_ line: String) -> String {
        let w = line.split(separator: " ").map(String.init)
        return w[TextCase.textRange(ofLine: w)].joined(separator: " ")
    }

    func testIconGlyphsBesideALineAreNotText() {
        XCTAssertEqual(kept("= Analysis"), "Analysis")
        XCTAssertEqual(kept("Piano ¥"), "Piano")
        XCTAssertEqual(kept("Share: ="), "Share:")
        XCTAssertEqual(kept("Follow: ==="), "Follow:")
        XCTAssertEqual(kept("1644 Views Available In: ="), "1644 Views Available In:")
        // glyphs inside the line, list bullets and code stay
        XCTAssertEqual(kept("a = b"), "a = b")
        XCTAssertEqual(kept("* object recognition"), "* object recognition")
        XCTAssertEqual(kept("news.* | sort"), "news.* | sort")
        XCTAssertEqual(kept("« Back"), "« Back")
        // nothing legible besides the glyph: the glyph is the reading
        XCTAssertEqual(kept("= ="), "= =")
    }

    func testALoneBulletedParagraphLosesItsHead() {
        XCTAssertEqual(DesignSemantics.strippingLoneBullet("+ Sample"), "Sample")
        XCTAssertEqual(DesignSemantics.strippingLoneBullet("* You might also like:"), "You might also like:")
        XCTAssertEqual(DesignSemantics.strippingLoneBullet("© Developing in Docker containers"), "Developing in Docker containers")
        // a copyright line keeps its sign; dashes and guillemets are written by pages
        XCTAssertEqual(DesignSemantics.strippingLoneBullet("© 2022 Verena Ortlieb"), "© 2022 Verena Ortlieb")
        XCTAssertEqual(DesignSemantics.strippingLoneBullet("© Copyright 2013, Willow Garage"), "© Copyright 2013, Willow Garage")
        XCTAssertEqual(DesignSemantics.strippingLoneBullet("- If your child has had a fever"), "- If your child has had a fever")
        XCTAssertEqual(DesignSemantics.strippingLoneBullet("« Back"), "« Back")
        XCTAssertEqual(DesignSemantics.strippingLoneBullet("2 + 2"), "2 + 2")
    }

    func testShortCapitalsAreTitleCasedWithMinorWordsInLowerCase() {
        XCTAssertEqual(TextCase.ordinary("POST A COMMENT"), "Post a Comment")
        XCTAssertEqual(TextCase.ordinary("CAMPING IN CORNWALL"), "Camping in Cornwall")
        XCTAssertEqual(TextCase.ordinary("A NOTE ON STYLE"), "A Note on Style")
        // the first letter, not the first character, is the capital
        XCTAssertEqual(TextCase.ordinary("(DISPLAY NAME)"), "(Display Name)")
        // ordinals are words, not acronyms, and a digit takes the sentence's capital
        XCTAssertEqual(TextCase.ordinary("3RD GRADE BIOGRAPHY PROJECT NOW"), "3rd grade biography project now")
        XCTAssertEqual(TextCase.ordinary("THE 24TH"), "The 24th")
        XCTAssertEqual(TextCase.ordinary("RSS FEED"), "RSS Feed")
    }
}
