/// A day an article refers to, resolved from a relative reference (`12일(현지시간)` → 2025-08-12).
public struct EventDate: Sendable, Hashable, Codable {
    /// The reference as written.
    public var expression: String
    /// The resolved calendar day, `YYYY-MM-DD` (or `YYYY-MM` for a month, `YYYY-Www` for an ISO week).
    public var date: String
    /// The sentence it came from.
    public var sentence: String
    /// Makes an event date.
    /// - Parameters:
    ///   - expression: the reference as written (`12일(현지시간)`).
    ///   - date: the resolved day, `YYYY-MM-DD` (or `YYYY-MM` for a month, `YYYY-Www` for an ISO week).
    ///   - sentence: the sentence the reference came from.
    public init(expression: String, date: String, sentence: String) {
        self.expression = expression
        self.date = date
        self.sentence = sentence
    }
}
