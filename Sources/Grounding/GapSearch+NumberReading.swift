import Foundation
import ScreenCore

/// A number field's one digit for another that the ink compare forgives: the mismatch allows a
/// pixel of blur, so two digits of one font at 16 px lie on each other within a few pixels
/// (wizard-validation-firefox's Guests: the live "9" is 10 pixels off the video's "4", of 60 ink;
/// the "4" typed renders 1 off). Under `fieldUnlike` and `numberUnlike`, such a field was never
/// read, the "4" never typed, and the gap search explained the page the "4" changed (its error
/// message going) with a click on Back. A number field rendering at least `numberReadError` pixels
/// off the video's is read there (OCR, one line, as unlike fields are); a reading that is another
/// number makes it unlike. What is typed is then kept only by `numberValueKept` (the reading
/// renders clearly better, or within `minGain` where the field was `minGain` more off): a misread
/// digit renders no better and the old value goes back.
extension Run {
    /// The least mismatch (pixels) at which a number field is read in the video.
    static let numberReadError = ValueCompare.minGain

    /// Whether number field `field`, `error` pixels off the video's at `time` (under the unlike
    /// thresholds), is read there as another number (`fieldReading`).
    func numberReadsOtherwise(_ field: LiveField, error: Int, at time: Double) async throws -> Bool {
        guard Self.numberReadWorthy(type: field.type, error: error) else { return false }
        guard let reading = try await rereadField(field.box, text: field.text, times: [time]).first?.text,
              let value = Self.fieldReading(reading, type: field.type, current: field.value, placeholder: field.placeholder) else { return false }
        debug("live: the number field \"\(field.value)\" is \(error) ink pixels off the video's, which reads \"\(value)\" there: unlike")
        return true
    }

    /// Whether a field of `type` rendering `error` pixels off the video's is worth reading as a number.
    static func numberReadWorthy(type: String, error: Int) -> Bool {
        type == "number" && error >= numberReadError
    }
}
