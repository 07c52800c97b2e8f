import Foundation

extension Article {
    /// Fills what every article gets the same way, whichever adapter read it and however it was
    /// called: the adapter, the page's URL and file, the canonical URL (absolute, canonicalized),
    /// the language, a Korean page's UTC instants shown in KST, the id, and warnings for an encoding the bytes overruled, undecodable bytes
    /// or an empty body. Running it twice changes nothing more.
    ///
    /// Adapters built on ``LayoutAdapter``, ``GenericExtractor`` and the ``AdapterRegistry`` call
    /// it; an adapter of your own that returns articles directly should too.
    /// - Parameters:
    ///   - document: the page the article was read from.
    ///   - adapter: the adapter that read it.
    public mutating func complete(from document: Document, adapter: AdapterInfo) {
        self.adapter = adapter
        url = url ?? document.page.url
        file = file ?? document.page.filePath
        if canonicalURL == nil, document.html != nil, let c = document.metadata.canonicalURL, !c.isEmpty {
            canonicalURL = c.resolved(against: document.page.url)
        }
        if let c = canonicalURL { canonicalURL = URLCanonicalizer.canonical(c) ?? c }
        if language == nil { language = LanguageGuess.language(of: text) ?? document.metadata.language.map(LanguageGuess.primary) }
        // A Korean page's times are KST unless the page states another offset: an instant written
        // in UTC (`…Z`, machine-made metadata) says nothing of the page's clock, so it is shown in
        // KST. The moment itself does not change.
        if language == "ko" {
            publishedAt = publishedAt.map(Article.shownInKST)
            updatedAt = updatedAt.map(Article.shownInKST)
            if let o = origin?.publishedAt { origin?.publishedAt = Article.shownInKST(o) }
        }
        if id.isEmpty {
            id = Article.makeID(canonicalURL: canonicalURL, source: source, title: title, text: text)
        }
        // A declaration the bytes overruled, or text with undecodable bytes, is said on the article.
        let decision = document.encoding
        var notes: [String] = []
        if decision.source == .override {
            notes.append("encoding: \(decision.reason); decoded as \(decision.encoding.rawValue)")
        } else if decision.replacements > 0 {
            notes.append("encoding: \(decision.replacements) undecodable byte sequence(s) in \(decision.encoding.rawValue) became U+FFFD")
        }
        if body.isEmpty && !warnings.contains(where: { $0.hasPrefix("no article text") }) {
            notes.append("no article text found")
        }
        for note in notes where !warnings.contains(note) { warnings.append(note) }
    }

    /// `instant` written in KST when it was written in UTC; any other offset is the page's own and kept.
    static func shownInKST(_ instant: Instant) -> Instant {
        instant.utcOffset == 0 ? Instant(date: instant.date, utcOffset: Instant.kst) : instant
    }
}
