@testable import DesignLayout
import ScreenCore
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

/// A lone bulleted paragraph in a document: its glyph goes, its box starts where its text does.
final class LoneBulletNodeTests: XCTestCase {
    func testTheGlyphGoesAndTheBoxKeepsTheTextInPlace() {
        var p = UINode(kind: .text, tag: "p", box: PixelRect(x: 100, y: 10, width: 300, height: 20),
                       style: UIStyle(fontSize: 20, fontWeight: 400), text: "+ Having as a cause or origin")
        p.runs = [UITextRun(text: "+ Having as a "), UITextRun(text: "cause or origin", tag: "a")]
        let n = DesignSemantics.strippingLoneBullet(p)
        XCTAssertEqual(n.text, "Having as a cause or origin")
        XCTAssertEqual(n.runs?.map(\.text), ["Having as a ", "cause or origin"])
        // "+" (0.584 em) and a space (0.278 em) at 20 px: 17 px
        XCTAssertEqual(n.box.x, 117)
        XCTAssertEqual(n.box.width, 283)
        // a copyright line is left as it is
        var c = p; c.text = "© 2022 Verena Ortlieb"; c.runs = nil
        XCTAssertEqual(DesignSemantics.strippingLoneBullet(c), c)
    }
}

extension LoneBulletNodeTests {
    func testACentredLineIsLeftAsDrawn() {
        let p = UINode(kind: .text, tag: "p", box: PixelRect(x: 100, y: 10, width: 300, height: 20),
                       style: UIStyle(fontSize: 20, fontWeight: 400), text: "+ Sharing blessings with strangers")
        let column = UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 500, height: 100), children: [p])
        XCTAssertEqual(DesignSemantics.strippingLoneBullet(p, in: column), p)
        // the same line at the column's left edge moves with its text
        var left = p; left.box = PixelRect(x: 10, y: 10, width: 300, height: 20)
        XCTAssertEqual(DesignSemantics.strippingLoneBullet(left, in: column).box.x, 27)
        XCTAssertEqual(DesignSemantics.strippingLoneBullet(left, in: column).text, "Sharing blessings with strangers")
    }
}
