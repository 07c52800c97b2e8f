import NewsKitHTML

extension FieldReader where Value == String {
    /// The text of the first element `css` matches, whitespace collapsed; nil when none matches
    /// or it is empty.
    /// - Parameter css: a selector list (`h1.title, .view_top h1`).
    /// - Returns: the reader.
    public static func text(of css: String) -> FieldReader {
        let selector = LayoutSelectorError.parse(css)
        return FieldReader { document in
            guard let node = try selector.first(in: document) else { return nil }
            let text = node.textContent.collapsingWhitespace()
            return text.isEmpty ? nil : text
        }
    }
}

extension FieldReader where Value == [String] {
    /// The lines of every element `css` matches (deck lines under a headline); nil when none
    /// matches. The article's body leaves these lines out.
    /// - Parameter css: a selector list.
    /// - Returns: the reader.
    public static func lines(of css: String) -> FieldReader {
        let selector = LayoutSelectorError.parse(css)
        return FieldReader { document in
            let nodes = try selector.all(in: document)
            guard !nodes.isEmpty else { return nil }
            let blocks = document.blocks
            return nodes.flatMap { GenericExtractor.lines(of: $0, in: blocks) }
        }
    }
}

extension FieldReader where Value == PublicationDates {
    /// The dates the page's metadata declares (exact, machine-written), else those in the text of
    /// the first element `css` matches (`입력 2023-09-05 14:41 수정 …`), in KST unless it says
    /// otherwise; nil when neither gives a date.
    /// - Parameter css: a selector list for the date line.
    /// - Returns: the reader.
    public static func dates(in css: String) -> FieldReader {
        let selector = LayoutSelectorError.parse(css)
        return FieldReader { document in
            let meta = document.metadata
            var dates = PublicationDates(published: meta.published, updated: meta.modified)
            if dates.published == nil || dates.updated == nil, let node = try selector.first(in: document) {
                let found = KoreanDates.publishedAndUpdated(in: node.textContent.collapsingWhitespace())
                dates.published = dates.published ?? found.published
                dates.updated = dates.updated ?? found.updated
            }
            return dates.published == nil && dates.updated == nil ? nil : dates
        }
    }
}

extension FieldReader where Value == [Author] {
    /// The reporters named in every element `css` matches, each read as a byline line
    /// (`홍길동 기자 hong@example.com`); nil when none matches or none names a reporter. They
    /// are added to the authors the body's bylines name.
    /// - Parameter css: a selector list for the reporter elements.
    /// - Returns: the reader.
    public static func bylines(in css: String) -> FieldReader {
        let selector = LayoutSelectorError.parse(css)
        return FieldReader { document in
            var authors: [Author] = []
            for node in try selector.all(in: document) {
                if let found = Bylines.bylineLine(node.textContent.collapsingWhitespace()) { authors += found }
            }
            return authors.isEmpty ? nil : authors
        }
    }
}

extension FieldReader where Value == [Block] {
    /// The blocks under the first element `css` matches (the story container), without the
    /// widgets inside it; nil when none matches.
    /// - Parameter css: a selector list for the container.
    /// - Returns: the reader.
    public static func container(_ css: String) -> FieldReader {
        let selector = LayoutSelectorError.parse(css)
        return FieldReader { document in
            guard let node = try selector.first(in: document) else { return nil }
            return GenericExtractor.articleBlocks(document.blocks, container: node)
        }
    }
}

extension FieldReader where Value == [Block] {
    /// This reader's blocks without those `isDropped` picks out (a site's time line inside its
    /// story container).
    /// - Parameter isDropped: whether a block is left out.
    /// - Returns: the reader.
    public func dropping(where isDropped: @escaping @Sendable (Block) -> Bool) -> FieldReader {
        let base = self
        return FieldReader(fallsBack: fallsBack) { document in try base.read(document)?.filter { !isDropped($0) } }
    }
}
