/// Fills ``Article/entities`` with an ``EntityRecognizer``.
public struct EntityEnricher: ArticleEnricher {
    /// The recognizer that finds the entities.
    public let recognizer: EntityRecognizer
    /// Makes an enricher with a recognizer of your own (your own or an extended gazetteer).
    /// - Parameter recognizer: the recognizer to run on each article.
    public init(recognizer: EntityRecognizer) { self.recognizer = recognizer }
    /// Makes an enricher with the built-in gazetteer (``Gazetteer/builtIn()``).
    /// - Throws: ``GazetteerError`` when the built-in gazetteer cannot be read.
    public init() throws(GazetteerError) { self.recognizer = EntityRecognizer(gazetteer: try .builtIn()) }
    public func enrich(_ article: inout Article) {
        article.entities = recognizer.entities(in: article)
    }
}
