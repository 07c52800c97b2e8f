import Foundation
import NewsKitCore

/// Any other news page: JSON-LD, OpenGraph and meta tags, `<time>`, and a main-content pick over
/// blocks (``GenericExtractor``). Answers every HTML page and text capture with a low confidence,
/// so a site adapter always wins where one applies.
public struct GenericAdapter: SiteAdapter {
    public let id = "generic"
    public let version = "1"
    public let summary = "any other page: JSON-LD, OpenGraph/meta tags and main-content scoring over blocks"

    /// Makes the adapter; it has no settings.
    public init() {}

    public func confidence(for document: Document) -> Confidence {
        document.kind == .frontMatter ? .genericFallback : .generic
    }

    public func extract(_ document: Document) throws(ExtractionError) -> Article {
        try GenericExtractor().extract(document, adapter: info)
    }
}
