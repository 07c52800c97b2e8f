/// Helpers to write JSON text by hand where a full encoder is not worth it (one-line reports).
package enum JSONLiteral {
    /// `s` as a JSON string literal: quotes, backslashes and control characters escaped,
    /// everything else (Hangul included) written as UTF-8.
    package static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// A one-level JSON object with keys sorted; values must already be JSON text.
    package static func object(_ fields: [String: String]) -> String {
        "{" + fields.keys.sorted().map { quote($0) + ": " + fields[$0]! }.joined(separator: ", ") + "}"
    }
}
