/// A selector that failed to compile.
public struct CSSSelectorError: Error, Sendable, CustomStringConvertible {
    /// The selector text that failed to compile, as given.
    public let selector: String
    /// Where compilation stopped: a UTF-8 byte offset into ``selector``, from 0.
    public let offset: Int
    /// What was wrong there, in English (`"expected a name"`).
    public let reason: String
    public var description: String { "invalid selector \"\(selector)\" at offset \(offset): \(reason)" }
}
