import NewsKitHTML

/// How a site layout reads one field of an article (see ``ArticleLayout``).
///
/// A reader returns nil when it finds nothing: the field is then read the generic way (see
/// ``GenericFields``). A reader that throws fails alone: its error becomes a warning on the
/// article and the field is read the generic way. ``absent`` says the site has no such field.
///
/// ```swift
/// let headline = FieldReader<String>.text(of: "h1.main_title, .view_top h1")
/// let lead = FieldReader<String> { document in document.html?.root.first(Self.lead)?.textContent }
/// ```
public struct FieldReader<Value: Sendable>: Sendable {
    /// Whether the generic reading fills the field when this reader finds nothing.
    public let fallsBack: Bool
    private let reader: @Sendable (Document) throws -> Value?

    /// A reader of your own.
    /// - Parameters:
    ///   - fallsBack: whether the generic reading fills the field when `read` returns nil.
    ///   - read: reads the field from a page; nil when the page does not show it.
    public init(fallsBack: Bool = true, _ read: @escaping @Sendable (Document) throws -> Value?) {
        self.fallsBack = fallsBack
        self.reader = read
    }

    /// Reads the field.
    /// - Parameter document: the page.
    /// - Returns: the value, or nil when the page does not show it.
    /// - Throws: whatever the reader throws, when what it found is broken.
    public func read(_ document: Document) throws -> Value? { try reader(document) }

    /// The site has no such field: it stays empty, and no generic reading fills it.
    public static var absent: FieldReader { FieldReader(fallsBack: false) { _ in nil } }
}
