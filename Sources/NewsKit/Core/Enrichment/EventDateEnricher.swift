/// Fills ``Article/eventDates`` against the article's date: the original's publication time
/// for a repost, else its own; nothing relative when the article has no date.
public struct EventDateEnricher: ArticleEnricher {
    /// The resolver run on each article's text.
    public let resolver: EventDateResolver
    /// Makes an enricher.
    /// - Parameter resolver: the resolver to run (the default one unless you have another).
    public init(resolver: EventDateResolver = EventDateResolver()) { self.resolver = resolver }
    public func enrich(_ article: inout Article) {
        let reference = article.origin?.publishedAt ?? article.publishedAt ?? article.updatedAt
        article.eventDates = resolver.eventDates(in: article.text, reference: reference)
    }
}
