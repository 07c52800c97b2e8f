/// When a page published an article and when it last updated it, as a layout reads them.
public struct PublicationDates: Sendable, Hashable {
    /// The publication instant, or nil when the layout found none (the generic reading is then used).
    public var published: Instant?
    /// The last update, or nil when the layout found none.
    public var updated: Instant?

    /// Makes the dates a layout read.
    /// - Parameters:
    ///   - published: the publication instant, with its UTC offset; nil when the layout found none.
    ///   - updated: the last update, with its UTC offset; nil when the layout found none.
    public init(published: Instant? = nil, updated: Instant? = nil) {
        self.published = published
        self.updated = updated
    }
}
