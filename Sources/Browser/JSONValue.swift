import Foundation

/// A JSON value as WebDriver and CDP exchange it.
///
/// Script results and CDP replies have no fixed schema, so callers get a plain tree and pick what
/// they need with the subscripts and typed accessors instead of declaring a `Codable` type per call.
/// Numbers are `Double` because that is what JavaScript has.
public enum JSONValue: Sendable, Hashable, Codable {
    /// JSON `null` (also what a script returning `undefined` gives).
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// Any number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; member order is not kept.
    case object([String: JSONValue])

    /// Decodes any JSON value. Booleans are tried before numbers so `true` never becomes `1`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else if let o = try? c.decode([String: JSONValue].self) { self = .object(o) }
        else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a JSON value") }
    }

    /// Encodes the value; whole numbers that fit an `Int` are written without a fraction
    /// (`10`, not `10.0`) because some WebDriver fields must be integers.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n):
            if n.rounded() == n, abs(n) < 9.0e15 { try c.encode(Int64(n)) } else { try c.encode(n) }
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// The member `key` of an object, or nil for other values and missing keys.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The element at `index` of an array, or nil when out of range or not an array.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let a) = self, a.indices.contains(index) { return a[index] }
        return nil
    }

    /// The string, when this is one.
    public var string: String? { if case .string(let s) = self { return s }; return nil }
    /// The number, when this is one.
    public var double: Double? { if case .number(let n) = self { return n }; return nil }
    /// The number as an `Int`, when it is a whole number in range.
    public var int: Int? {
        if case .number(let n) = self, n.rounded() == n, abs(n) < 9.0e15 { return Int(n) }
        return nil
    }
    /// The boolean, when this is one.
    public var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    /// The elements, when this is an array.
    public var array: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    /// The members, when this is an object.
    public var object: [String: JSONValue]? { if case .object(let o) = self { return o }; return nil }
    /// Whether this is `null`.
    public var isNull: Bool { self == .null }

    /// Encodes to compact JSON bytes (keys sorted, so request bodies are stable for tests).
    func jsonData() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try e.encode(self)
    }

    /// Decodes JSON bytes (any top-level value).
    static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer literal (stored as a `Double`).
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    /// A floating-point literal.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// A boolean literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An array literal.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// A dictionary literal (later duplicates win).
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { $1 }))
    }
    /// `nil` is JSON `null`.
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text, for messages and logs.
    public var description: String {
        (try? jsonData()).map { String(decoding: $0, as: UTF8.self) } ?? "<unencodable>"
    }
}

/// A reference to a DOM element that lives in the browser (a W3C web element reference).
///
/// It is only meaningful within the session (and document) that produced it; the page-side code
/// that turns it into a stable locator lives elsewhere.
public struct ElementHandle: Sendable, Hashable {
    /// The key a web element reference is stored under in JSON, fixed by the W3C spec.
    public static let webElementKey = "element-6066-11e4-a52e-4f735466cecf"

    /// The driver's opaque id for the element.
    public let id: String

    /// Wraps an id the driver gave out.
    public init(id: String) { self.id = id }

    /// Reads a reference from a script result (`{"element-6066-…": id}`); nil for anything else,
    /// including `null` from `document.elementFromPoint` when nothing is there.
    public init?(json: JSONValue) {
        guard let id = json[Self.webElementKey]?.string else { return nil }
        self.id = id
    }
}

extension JSONValue {
    /// The JSON form of an element, to pass it to `execute` as an argument (it arrives as the DOM node).
    public init(element: ElementHandle) { self = .object([ElementHandle.webElementKey: .string(element.id)]) }

    /// The element this value refers to, when it is a web element reference.
    public var element: ElementHandle? { ElementHandle(json: self) }

    /// The elements of an array result (`querySelectorAll`, …), skipping non-elements.
    public var elements: [ElementHandle] { (array ?? []).compactMap(ElementHandle.init(json:)) }
}
