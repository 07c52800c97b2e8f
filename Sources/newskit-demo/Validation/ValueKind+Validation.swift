/// Checking a value against its kind, and saying the allowed values in words.
extension ValueKind {
    /// The problem with `value`, or nil when this kind accepts it. Ranges are said in words:
    /// `--jobs must be a whole number from 1 to 256, not 0`; `inf`, `nan`, negative and absurd
    /// numbers are usage errors here, not traps further down.
    /// - Parameters:
    ///   - value: the value as given.
    ///   - option: the option as the user wrote it (`--concurrency` for an old name).
    func problem(with value: String, option: String) -> String? {
        switch self {
        case .flag, .text:
            return nil
        case .choice(let words):
            return words.contains(value) ? nil : "\(option) must be \(ValueKind.list(words, joinedBy: "or")), not \(value)"
        case .wholeNumber(let range):
            if let n = Int(value), range.contains(n) { return nil }
            return "\(option) must be \(ValueKind.describe(range)), not \(value)"
        case .seconds(let range):
            if let n = Double(value), n.isFinite, range.contains(n) { return nil }
            return "\(option) must be a number of seconds from \(ValueKind.format(range.lowerBound)) to \(ValueKind.format(range.upperBound)), not \(value)"
        }
    }

    /// The allowed values for help: `1 to 256`, `at least 1`, `0.1 to 3600 s`; nil for text and flags.
    var rangeInWords: String? {
        switch self {
        case .flag, .text, .choice: return nil
        case .wholeNumber(let range):
            return range.upperBound == Int.max ? "at least \(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
        case .seconds(let range):
            return "\(ValueKind.format(range.lowerBound)) to \(ValueKind.format(range.upperBound)) s"
        }
    }

    /// A range in words: `a whole number of at least 1`, `a whole number from 0 to 20`.
    static func describe(_ range: ClosedRange<Int>) -> String {
        if range.upperBound == Int.max { return "a whole number of at least \(range.lowerBound)" }
        return "a whole number from \(range.lowerBound) to \(range.upperBound)"
    }

    /// `30`, not `30.0`; `0.1` as it is.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// `a, b or c`.
    static func list(_ words: [String], joinedBy last: String) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " \(last) " + words.last!
    }
}
