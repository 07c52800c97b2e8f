/// What an option takes: nothing (a flag), any text, one of a few words, or a number within a range.
///
/// The parser checks every value against its kind before a command sees it, so a command reads
/// `--jobs` as a whole number it can trust (see ``ValueKind/problem(with:option:)``).
enum ValueKind: Sendable, Hashable {
    /// No value: `--explain`.
    case flag
    /// Any text: a path, an id, a date the command reads itself.
    case text
    /// One of these words: `--format jsonl`.
    case choice([String])
    /// A whole number within the range: `--jobs 4`.
    case wholeNumber(ClosedRange<Int>)
    /// A finite number of seconds within the range: `--delay 0.5`.
    case seconds(ClosedRange<Double>)

    /// Whether the option is followed by a value.
    var takesValue: Bool { self != .flag }
}
