import Foundation

/// Reads any news page: JSON-LD `NewsArticle`, OpenGraph and meta tags, `<time>`, and a
/// main-content pick over blocks that counts characters (a Hangul syllable is one, where a word
/// count means nothing), weighs link density and the element's id and class, then hands the
/// chosen blocks to the shared Korean rules (``BlockAssembler``).
public struct GenericExtractor: Sendable {
    public init() {}

    /// Extracts an article. `source` overrides the source read from the page.
    /// - Throws: ``ExtractionError`` `noContent` when the page has no article text.
    public func extract(_ document: Document, source: Source? = nil, adapter: AdapterInfo = AdapterInfo(id: "generic", version: "1")) throws(ExtractionError) -> Article {
        switch document.kind {
        case .html, .frontMatter:
            return try extractHTML(document, source: source, adapter: adapter)
        case .textCapture:
            return try extractText(document, source: source, adapter: adapter)
        }
    }

    // MARK: HTML

    func extractHTML(_ document: Document, source: Source?, adapter: AdapterInfo) throws(ExtractionError) -> Article {
        let meta = document.metadata
        let blocks = document.blocks
        let siteSource = source ?? GenericExtractor.source(for: document)
        var titleText = meta.title.map { Headlines.stripSiteName($0, siteNames: [meta.siteName, siteSource.name].compactMap { $0 }) }
        if titleText == nil || titleText!.isEmpty {
            titleText = blocks.first(where: { $0.headingLevel == 1 })?.text ?? meta.documentTitle.map {
                Headlines.stripSiteName($0, siteNames: [meta.siteName, siteSource.name].compactMap { $0 })
            }
        }
        let (kicker, title) = titleText.map(Headlines.splitKicker) ?? (nil, "")
        var content = GenericExtractor.mainContainer(blocks, document: document).map { GenericExtractor.articleBlocks(blocks, container: $0) } ?? blocks
        // Drop the headline if the content area repeats it.
        content.removeAll { $0.role != .image && ($0.text == title || $0.text == titleText) }
        let assembler = BlockAssembler(leadTags: [siteSource.name].compactMap { $0 }, readsDateline: true, baseURL: document.page.url)
        var result = assembler.assemble(content)
        var warnings = result.warnings
        if let body = meta.articleBody, GenericExtractor.letterCount(body) > 2 * GenericExtractor.letterCount(result.body.map(\.text).joined()) + 200 {
            // The page ships its text as JSON-LD and the markup holds less: trust the JSON-LD.
            result.body = body.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !Furniture.isFurniture($0) }.map { BodyBlock(.paragraph, $0) }
            warnings.append("body taken from the page's JSON-LD articleBody")
        }
        var published = meta.published
        var updated = meta.modified
        if published == nil {
            for b in blocks.prefix(200) where b.text.count <= 120 {
                let found = KoreanDates.publishedAndUpdated(in: b.text)
                if let p = found.published, KoreanDates.find(in: b.text).first?.hasTime == true || KoreanDates.find(in: b.text).first?.role == .published {
                    published = p
                    updated = updated ?? found.updated
                    break
                }
            }
        }
        var authors = result.authors
        for name in meta.authors where !authors.contains(where: { $0.name == name || name.hasPrefix($0.name) }) {
            let parsed = Bylines.bylineLine(name)
            if let parsed { for a in parsed where !authors.contains(where: { $0.name == a.name }) { authors.append(a) } }
            else if !name.has("http") && name.count <= 40 && name != siteSource.name { authors.append(Author(name: name)) }
        }
        var images = result.images
        if images.isEmpty, let og = meta.images.first {
            images.append(ArticleImage(url: AdapterRegistry.absolute(og, base: document.page.url)))
        }
        if result.body.isEmpty {
            throw ExtractionError(.noContent, input: document.page.name, adapter: adapter.id, "no article text found on the page")
        }
        return Article(source: siteSource, adapter: adapter, kicker: kicker, title: title.isEmpty ? nil : title,
                       summary: meta.description, body: result.body, authors: authors, dateline: result.dateline,
                       agency: result.agency, publishedAt: published, updatedAt: updated, images: images,
                       categories: meta.sections, tags: meta.keywords, related: result.related, warnings: warnings)
    }

    /// The blocks of the main content: those inside the element whose blocks carry the most
    /// weighted text (characters, less link text, with a bonus or malus for its id and class).
    public static func mainContent(_ blocks: [Block], document: Document) -> [Block] {
        guard let container = mainContainer(blocks, document: document) else { return blocks }
        return GenericExtractor.blocks(blocks, under: container)
    }

    /// The element whose blocks carry the most weighted text, if any block carries text.
    public static func mainContainer(_ blocks: [Block], document: Document) -> HTMLNode? {
        guard let html = document.html else { return nil }
        let nodes = html.store.nodes
        var scores: [Int32: Double] = [:]
        func hint(_ node: Int32) -> Double {
            let n = HTMLNode(document: html, index: node)
            let attr = ((n.attribute("id") ?? "") + " " + (n.attribute("class") ?? "")).lowercased()
            if attr.isEmpty { return 1 }
            var f = 1.0
            for good in ["article", "content", "news", "body", "story", "view", "text", "entry", "post", "cont", "txt", "read", "detail"] where attr.has(good) {
                f = 1.3; break
            }
            for bad in ["comment", "footer", "nav", "sidebar", "side", "related", "banner", "ad-", "ads", "menu", "header", "reply", "recommend",
                        "popular", "rank", "gnb", "lnb", "copyright", "share", "sns", "widget", "aside", "hot", "best", "list"] where attr.has(bad) {
                f *= 0.4; break
            }
            return f
        }
        for b in blocks {
            guard let id = b.nodeID, b.role != .image else { continue }
            switch b.role { case .paragraph, .quote, .listItem, .heading, .tableCell, .preformatted, .line: break; default: continue }
            if Furniture.isFurniture(b.text) { continue }
            let letters = Double(letterCount(b.text))
            if letters < 10 { continue }
            let s = letters * (1 - b.linkDensity) * (1 - b.linkDensity)
            var node = Int32(id)
            let decay = [1.0, 1.0, 0.5, 0.33, 0.25, 0.2]
            for level in 0..<decay.count {
                guard node >= 0, nodes[Int(node)].kind == .element else { break }
                scores[node, default: 0] += s * decay[level]
                node = nodes[Int(node)].parent
            }
        }
        var best: (Int32, Double)? = nil
        for (node, score) in scores {
            let weighted = score * hint(node)
            if weighted > (best?.1 ?? 0) { best = (node, weighted) }
        }
        guard let (container, _) = best else { return nil }
        return HTMLNode(document: html, index: container)
    }

    /// The blocks of an article area: those inside `container`, followed by the page's
    /// related-article runs outside it (a heading such as `관련 기사` and the linked teasers under
    /// it), which ``BlockAssembler`` turns into teasers.
    public static func articleBlocks(_ blocks: [Block], container: HTMLNode) -> [Block] {
        let inside = Self.blocks(blocks, under: container)
        let insideIDs = Set(inside.map(\.index))
        var out = inside
        var k = 0
        while k < blocks.count {
            let b = blocks[k]
            if !insideIDs.contains(b.index), RelatedBlocks.sectionTitle(b.text) != nil {
                var run = [b]
                var j = k + 1
                while j < blocks.count, !insideIDs.contains(blocks[j].index), RelatedBlocks.sectionTitle(blocks[j].text) == nil,
                      !blocks[j].links.isEmpty || blocks[j].role == .image {
                    run.append(blocks[j])
                    j += 1
                }
                if run.count > 1 { out += run }
                k = j
                continue
            }
            k += 1
        }
        return out
    }

    /// The lines of text inside an element, as its blocks read (a `<br>` or a block element
    /// starts a new line): for deck lines and other multi-line headers.
    public static func lines(of node: HTMLNode, in blocks: [Block]) -> [String] {
        Self.blocks(blocks, under: node).flatMap { $0.text.split(separator: "\n") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The blocks that come from inside `container` (the element itself included).
    public static func blocks(_ blocks: [Block], under container: HTMLNode) -> [Block] {
        let nodes = container.document.store.nodes
        let target = container.index
        return blocks.filter { b in
            guard let id = b.nodeID else { return false }
            var n = Int32(id)
            while n >= 0 {
                if n == target { return true }
                n = nodes[Int(n)].parent
            }
            return false
        }
    }

    /// Letters and digits: a Hangul syllable counts one.
    static func letterCount(_ s: String) -> Int {
        var n = 0
        for u in s.unicodeScalars where u.properties.isAlphabetic || (u.value >= 0x30 && u.value <= 0x39) { n += 1 }
        return n
    }

    // MARK: Text captures

    func extractText(_ document: Document, source: Source?, adapter: AdapterInfo) throws(ExtractionError) -> Article {
        var blocks = document.blocks
        guard !blocks.isEmpty else {
            throw ExtractionError(.noContent, input: document.page.name, adapter: adapter.id, "the capture has no text")
        }
        var title: String? = nil
        var kicker: String? = nil
        // A first line that reads as a headline: short, no sentence end, and followed (date lines
        // aside) by a longer line.
        if blocks.count >= 2 {
            let first = blocks[0].text
            let next = blocks.dropFirst().first { KoreanDates.find(in: $0.text).isEmpty || $0.text.count > 80 }?.text ?? ""
            if first.count <= 120, !first.hasSuffix("."), !first.hasSuffix("다"), next.count > first.count,
               !Captions.looksLikeCaption(first), !Furniture.isFurniture(first), Bylines.dateline(in: first) == nil {
                (kicker, title) = { let s = Headlines.splitKicker(first); return (s.kicker, s.title) }()
                blocks.removeFirst()
            }
        }
        var published: Instant? = nil, updated: Instant? = nil
        var headerEnd = 0
        for (k, b) in blocks.prefix(8).enumerated() where b.text.count <= 80 {
            let found = KoreanDates.publishedAndUpdated(in: b.text)
            if let p = found.published {
                published = p
                updated = found.updated
                headerEnd = k + 1
                break
            }
        }
        if headerEnd > 0 { blocks.removeFirst(headerEnd) }
        let result = BlockAssembler(leadTags: [source?.name].compactMap { $0 }).assemble(blocks)
        if result.body.isEmpty {
            throw ExtractionError(.noContent, input: document.page.name, adapter: adapter.id, "no article text found in the capture")
        }
        return Article(source: source ?? Source(id: "unknown", name: nil, homepage: nil, kind: .newspaper), adapter: adapter,
                       kicker: kicker, title: title, body: result.body, authors: result.authors, dateline: result.dateline,
                       agency: result.agency, publishedAt: published, updatedAt: updated, images: result.images,
                       related: result.related, warnings: result.warnings + ["the page's site is unknown (plain-text capture)"])
    }

    // MARK: Sources

    static let broadcasters = ["KBS", "MBC", "SBS", "MBN", "YTN", "JTBC", "TV조선", "채널A", "연합뉴스TV", "EBS", "OBS", "CBS"]
    static let agencies = ["연합뉴스", "뉴스1", "뉴시스", "Yonhap", "newsis", "News1"]
    static let blogHosts = ["blog.naver.com", "m.blog.naver.com", "tistory.com", "brunch.co.kr", "velog.io", "medium.com", "github.io", "wordpress.com", "blogspot.com"]

    /// A source read from the page: its domain, its site name, and a kind guessed from both.
    public static func source(for document: Document) -> Source {
        let meta = document.metadata
        let host = document.page.url?.host ?? meta.canonicalURL.flatMap { URL(string: $0)?.host }
        var id = host.map(registrableName) ?? "unknown"
        if id.isEmpty { id = "unknown" }
        let homepage = host.map { "\(document.page.url?.scheme ?? "https")://\($0)" }
        let name = meta.siteName?.collapsingWhitespace()
        var kind = Source.Kind.newspaper
        let probe = (name ?? "") + " " + (host ?? "")
        if broadcasters.contains(where: { probe.uppercased().contains($0.uppercased()) }) { kind = .broadcaster }
        if agencies.contains(where: { probe.lowercased().contains($0.lowercased()) }) { kind = .newsAgency }
        if let host, blogHosts.contains(where: { host == $0 || host.hasSuffix("." + $0) }) { kind = .blog }
        return Source(id: id, name: name, homepage: homepage, kind: kind)
    }

    /// `www.yna.co.kr` → `yna.co.kr`, `m.news.naver.com` → `news.naver.com`.
    static func registrableName(_ host: String) -> String {
        var h = host.lowercased()
        for prefix in ["www.", "m.", "mobile.", "amp."] where h.hasPrefix(prefix) && h.split(separator: ".").count > 2 {
            h = String(h.dropFirst(prefix.count))
        }
        return h
    }
}
