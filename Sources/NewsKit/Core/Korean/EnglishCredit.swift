/// English bylines as wire services and English-language pages write them: `By TOM KRISHER, AP
/// Auto Writer`, `By Kim Tong-hyung and Hyung-jin Kim, Associated Press`, `Jane Doe, Reuters`.
enum EnglishCredit {
    /// The authors a credit names, with the role after the comma; nil when the text does not read
    /// as an English credit (Hangul, digits, addresses, more than four words to a name), or is a
    /// plain name with neither `By`, a role nor a second name (read as a name as written).
    static func authors(_ text: String) -> [Author]? {
        var t = text.trimmingSpaces()
        guard !t.isEmpty, t.utf8.count <= 160, !t.unicodeScalars.contains(where: ScalarClass.isHangul),
              !t.contains(where: { $0.isNumber }), !t.hasAny(["@", "http", "/", "(", "["]) else { return nil }
        let credited = t.hasPrefix("By ")
        for prefix in ["By ", "by ", "BY "] where t.hasPrefix(prefix) { t = String(t.dropFirst(prefix.count)) }
        var role: String? = nil
        if let comma = t.firstIndex(of: ",") {
            let rest = t[t.index(after: comma)...].trimmingSpaces()
            // "A, B and C" lists names; "A, AP Auto Writer" gives a role.
            if !rest.isEmpty && !rest.contains(" and ") { role = rest; t = String(t[..<comma]) }
        }
        let names = t.replacingOccurrences(of: " and ", with: ",").split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        guard !names.isEmpty, credited || role != nil || names.count > 1 else { return nil }
        var authors: [Author] = []
        for name in names {
            let words = name.split(separator: " ")
            guard (1...4).contains(words.count), words.allSatisfy({ $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." || $0 == "'" } }) else { return nil }
            authors.append(Author(name: capitalizedIfShouting(name), role: role))
        }
        return authors
    }

    /// `TOM KRISHER` → `Tom Krisher`; a name with any lowercase letter is kept as written.
    static func capitalizedIfShouting(_ name: String) -> String {
        guard name.contains(where: { $0.isLetter }), !name.contains(where: { $0.isLowercase }) else { return name }
        return name.split(separator: " ").map { word in
            word.split(separator: "-", omittingEmptySubsequences: false).map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: "-")
        }.joined(separator: " ")
    }
}
