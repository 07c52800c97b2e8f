import Foundation

/// E-mail addresses in text.
public enum Emails {
    /// Every address in the text, in order.
    /// - Parameter text: any text; addresses are found inside Korean text without spaces around them.
    /// - Returns: each ASCII `local@domain.tld` address as written (the top-level domain being
    ///   two letters or more); empty when there is none.
    public static func all(in text: String) -> [String] {
        guard text.has("@") else { return [] }
        let u = Array(text.unicodeScalars)
        var out: [String] = []
        var i = 0
        func isLocal(_ s: Unicode.Scalar) -> Bool {
            s.isASCII && (s.properties.isAlphabetic || KoreanDates.isDigit(s) || "._%+-".unicodeScalars.contains(s))
        }
        func isDomain(_ s: Unicode.Scalar) -> Bool {
            s.isASCII && (s.properties.isAlphabetic || KoreanDates.isDigit(s) || s == "." || s == "-")
        }
        while i < u.count {
            if u[i] == "@" && i > 0 && isLocal(u[i - 1]) {
                var s = i
                while s > 0 && isLocal(u[s - 1]) { s -= 1 }
                var e = i + 1
                while e < u.count && isDomain(u[e]) { e += 1 }
                while e > i + 1 && (u[e - 1] == "." || u[e - 1] == "-") { e -= 1 }
                let domain = String(String.UnicodeScalarView(u[(i + 1)..<e]))
                if domain.contains("."), let tld = domain.split(separator: ".").last, tld.count >= 2, tld.allSatisfy({ $0.isLetter }) {
                    out.append(String(String.UnicodeScalarView(u[s..<e])))
                }
                i = e
                continue
            }
            i += 1
        }
        return out
    }

    /// Whether the line holds nothing but e-mail addresses (and separators).
    /// - Parameter text: one line, at most 400 UTF-8 bytes.
    /// - Returns: true when, the addresses removed, only whitespace and `, ; / · ( ) < > [ ]`
    ///   remain; false for a line without an address or a longer one.
    public static func isEmailOnlyLine(_ text: String) -> Bool {
        guard text.has("@"), text.byteCount <= 400 else { return false }
        let found = all(in: text)
        guard !found.isEmpty else { return false }
        var rest = text
        for e in found { rest = rest.replacingOccurrences(of: e, with: "") }
        return rest.allSatisfy { $0.isWhitespace || ",;/·()<>[]".contains($0) }
    }
}
