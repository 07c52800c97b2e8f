/// Adds to an article what needs more than extraction: entities, event dates.
///
/// Implementation requirements: an enricher does no I/O and reads no clock (dates come from the
/// article), so the same article always comes out the same. Enrichers that look across
/// articles (stories, duplicates) are ``StoryTracker``s, not enrichers.
public protocol ArticleEnricher: Sendable {
    /// Fills fields of `article`.
    /// - Parameter article: the article to complete, changed in place; fields the enricher
    ///   does not own are left as they are.
    func enrich(_ article: inout Article)
}

extension Array where Element == any ArticleEnricher {
    /// Runs every enricher in order.
    /// - Parameter article: the article to complete, changed in place; each enricher sees what
    ///   the ones before it filled.
    public func enrich(_ article: inout Article) {
        for e in self { e.enrich(&article) }
    }
}
