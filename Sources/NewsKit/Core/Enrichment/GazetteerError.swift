/// A failure to read a gazetteer, with the file it concerns.
public struct GazetteerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a value to compare with (`error.code == .malformed`); new codes may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's name, as in the static member (`"unreadable"`).
        public let rawValue: String
        public var description: String { rawValue }
        /// The file could not be read (or the built-in resource was not found).
        public static let unreadable = Code(rawValue: "unreadable")
        /// The file is not a gazetteer: not JSON, or an entry lacks its name or has an unknown type.
        public static let malformed = Code(rawValue: "malformed")
    }
    /// What went wrong.
    public var code: Code
    /// The file (or `built-in`).
    public var path: String
    /// What was wrong, for people: the underlying error or the offending entry.
    public var message: String
    public var description: String { "\(path): \(message)" }
}
