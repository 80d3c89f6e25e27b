@testable import CodeGen
import XCTest

/// String literals and text for each output language.
final class EscapingTests: XCTestCase {
    func testPythonLiteral() {
        XCTAssertEqual(PythonLiteral.string(#"a "b" \c"#), #""a \"b\" \\c""#)
        XCTAssertEqual(PythonLiteral.string("x\n\r\t\u{0}\u{7F}\u{202E}😀"), #""x\n\r\t\x00\x7F\u202E😀""#)
        XCTAssertEqual(PythonLiteral.string("\u{E0001}"), #""\U000E0001""#)
    }

    func testJavaScriptLiteral() {
        XCTAssertEqual(JavaScriptLiteral.string(#"it's "ok" \ ${x}"#), #"'it\'s "ok" \\ ${x}'"#)
        XCTAssertEqual(JavaScriptLiteral.string("</script>\u{2028}\u{0}1"), #"'<\/script>\u2028\x001'"#)
        XCTAssertEqual(JavaScriptLiteral.string("\u{E0001}"), #"'\u{E0001}'"#)
    }

    func testJavaLiteralNeverProducesAUnicodeEscapeThatClosesTheString() {
        XCTAssertEqual(JavaLiteral.string(#"\u0022"#), #""\\u0022""#)
        XCTAssertEqual(JavaLiteral.string("a\"b\n\r\u{0}\u{202E}"), #""a\"b\n\r\u0000\u202E""#)
        XCTAssertEqual(JavaLiteral.string("\u{E0001}"), #""\uDB40\uDC01""#)
    }

    func testXPathLiteralQuotingAndConcat() {
        XCTAssertEqual(XPathLiteral.string("Sign in"), "'Sign in'")
        XCTAssertEqual(XPathLiteral.string("it's"), "\"it's\"")
        XCTAssertEqual(XPathLiteral.string(#"it's "x""#), #"concat('it', "'", 's "x"')"#)
        XCTAssertEqual(XPathLiteral.string(#"'""#), #"concat("'", '"')"#)
        XCTAssertEqual(XPathLiterals.values(in: "//a[.=\(XPathLiteral.string(#"a'b"c''"#))]"), [#"a'b"c''"#])
        XCTAssertEqual(XPathLiteral.normalizeSpace("  a \n\t b  "), "a b")
    }

    func testCommentsCannotEndEarly() {
        XCTAssertEqual(CommentText.make("a\nb\r\u{2028}c\u{0}", for: .python), "a b  c ")
        XCTAssertEqual(CommentText.make(#"\u000a"#, for: .java), #"\\u000a"#)
        XCTAssertEqual(CommentText.make(#"\u000a"#, for: .javaScript), #"\u000a"#)
    }

    func testMarkdownEscapesSyntaxButStaysReadable() {
        XCTAssertEqual(MarkdownText.escape("a *b* [c](d) <e> & `f` http://x.y/z"),
                       #"a \*b\* \[c\](d) \<e\> \& \`f\` http://x.y/z"#)
        XCTAssertEqual(MarkdownText.escape("one\n- two\n3. three\n# four", continuationIndent: "   "),
                       "one\\\n   \\- two\\\n   3\\. three\\\n   \\# four")
        XCTAssertEqual(MarkdownText.escape("nul\u{0} rtl\u{202E}"), "nul\u{2400} rtlU+202E")
    }

    func testRegexPatterns() {
        XCTAssertEqual(RegexPattern.wholeText("A+B (1)"), #"^A\+B \(1\)$"#)
        XCTAssertEqual(RegexPattern.javaScriptLiteralIgnoringCase("A/B"), #"/^A\/B$/i"#)
    }

    func testRegexAlternativesEscapeEverySpelling() {
        XCTAssertEqual(RegexPattern.anyOf(["+", "\u{FF0B}"], whole: true), #"^\s*(?:\+|＋)\s*$"#)
        XCTAssertEqual(RegexPattern.anyOf(["-", "a|b"], whole: false), #"(?:\-|a\|b)"#)
        XCTAssertEqual(RegexPattern.javaScriptLiteral(anyOf: ["/", "\u{2028}"], whole: true, ignoringCase: false),
                       #"/^\s*(?:\/|\u2028)\s*$/"#)
        XCTAssertEqual(RegexPattern.javaScriptLiteral(anyOf: ["x", "X"], whole: true, ignoringCase: true), #"/^\s*(?:x|X)\s*$/i"#)
    }
}

/// Key names, secret variable names and Java class names.
final class NamingTests: XCTestCase {
    func testKeyChords() {
        XCTAssertEqual(KeyNames.chord("Enter"), KeyChord(modifiers: [], key: "Enter"))
        XCTAssertEqual(KeyNames.chord("return"), KeyChord(modifiers: [], key: "Enter"))
        XCTAssertEqual(KeyNames.chord("Ctrl+Shift+z"), KeyChord(modifiers: ["Control", "Shift"], key: "z"))
        XCTAssertEqual(KeyNames.chord("+"), KeyChord(modifiers: [], key: "+"))
        XCTAssertEqual(KeyNames.chord("f5"), KeyChord(modifiers: [], key: "F5"))
        XCTAssertNil(KeyNames.chord("hello world"))
        XCTAssertNil(KeyNames.chord("Enter+Control"), "modifiers come first")
    }

    func testSecretNamesAreValidUniqueAndReadable() {
        var names = SecretNames()
        XCTAssertEqual(names.next(for: .init(label: "Password")), "PASSWORD")
        XCTAssertEqual(names.next(for: .init(label: "Confirm password")), "CONFIRM_PASSWORD")
        XCTAssertEqual(names.next(for: .init(label: "Password")), "PASSWORD_2")
        XCTAssertEqual(names.next(for: .init(placeholder: "Mot de passe épais")), "MOT_DE_PASSE_EPAIS")
        XCTAssertEqual(names.next(for: .init(label: "2FA code")), "SECRET_2FA_CODE")
        XCTAssertEqual(names.next(for: .init(label: "🔒")), "SECRET")
        XCTAssertEqual(names.next(for: nil), "SECRET_2")
    }

    func testJavaClassNames() {
        XCTAssertEqual(JavaNames.className("todo-add-items"), "TodoAddItemsTest")
        XCTAssertEqual(JavaNames.className("3 steps"), "Recording3StepsTest")
        XCTAssertEqual(JavaNames.className("\u{202E}"), "RecordedSessionTest")
    }
}
