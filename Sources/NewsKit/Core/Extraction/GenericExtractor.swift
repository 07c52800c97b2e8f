import Foundation
import NewsKitHTML

/// Reads any news page: JSON-LD `NewsArticle`, OpenGraph and meta tags, `<time>`, and a
/// main-content pick over blocks that counts characters (a Hangul syllable is one, where a word
/// count means nothing), weighs link density and the element's id and class, then hands the
/// chosen blocks to the shared Korean rules (``BlockAssembler``).
public struct GenericExtractor: Sendable {
    /// Makes an extractor; it has no settings.
    public init() {}

    /// Extracts an article, complete as the registry gives it (id, language, URLs: see
    /// ``Article/complete(from:adapter:)``), without enrichment.
    /// - Parameters:
    ///   - document: the page.
    ///   - source: the source to stamp on the article; nil reads it from the page.
    ///   - adapter: the adapter to name on the article.
    /// - Returns: the article.
    /// - Throws: ``ExtractionError`` `noContent` when the page has no article text, `notAnArticle`
    ///   for a front, section or list page; either carries what the page states (title, dates,
    ///   authors, images, teasers) as ``ExtractionError/page``, with ``Article/pageKind`` `thin` or
    ///   `index`, when it states anything.
    public func extract(_ document: Document, source: Source? = nil, adapter: AdapterInfo = AdapterInfo(id: "generic", version: "1")) throws(ExtractionError) -> Article {
        var article: Article
        switch document.kind {
        case .html, .frontMatter:
            article = try extractHTML(document, source: source, adapter: adapter)
        case .textCapture:
            article = try extractText(document, source: source, adapter: adapter)
        }
        article.complete(from: document, adapter: adapter)
        return article
    }

    // MARK: HTML

    func extractHTML(_ document: Document, source: Source?, adapter: AdapterInfo) throws(ExtractionError) -> Article {
        let meta = document.metadata
        let blocks = document.blocks
        let siteSource = source ?? GenericExtractor.source(for: document)
        let siteNames = [meta.siteName, siteSource.name].compactMap { $0 }
        let titleText = GenericFields.headline(document, siteNames: siteNames)
        let (kicker, title) = titleText.map(Headlines.splitKicker) ?? (nil, "")
        var content = GenericFields.content(document)
        // Drop the headline if the content area repeats it.
        content.removeAll { $0.role != .image && ($0.text == title || $0.text == titleText) }
        let assembler = BlockAssembler(leadTags: [siteSource.name].compactMap { $0 }, readsDateline: true, baseURL: document.baseURL)
        var result = assembler.assemble(content)
        var warnings = result.warnings
        // Pages rendered in the browser ship the article as data in a script: read it there
        // when it holds clearly more text than the markup does.
        let domLetters = TextSearch.letterCount(result.body.map(\.text).joined())
        if domLetters < 500, let data = document.embeddedArticle, Double(data.letters) > Double(domLetters) * 1.3 + 50 {
            var blocks = data.blocks
            blocks.removeAll { $0.role != .image && ($0.text == title || $0.text == titleText) }
            result = assembler.assemble(blocks)
            warnings = result.warnings + ["body taken from the article data in the page's script"]
        }
        if let body = meta.articleBody, TextSearch.letterCount(body) > 2 * TextSearch.letterCount(result.body.map(\.text).joined()) + 200 {
            // The page ships its text as JSON-LD and the markup holds less: trust the JSON-LD.
            result.body = body.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }
                .filter { !$0.isEmpty && !Furniture.isFurniture($0) }.map { BodyBlock(.paragraph, $0) }
            warnings.append("body taken from the page's JSON-LD articleBody")
        }
        let dates = GenericFields.dates(document)
        let published = dates.published, updated = dates.updated
        var authors = GenericFields.authors(document, adding: result.authors, siteNames: [siteSource.name, meta.siteName].compactMap { $0 })
        // Credits in script data are read when that data was needed anyway (a body or a date
        // from it): parsing it only for a byline costs more than it finds.
        if authors.isEmpty, let data = document.embeddedArticleIfRead {
            for byline in data.authors {
                if let parsed = Bylines.bylineLine(byline) {
                    for a in parsed where !authors.contains(where: { $0.name == a.name }) { authors.append(a) }
                } else if byline.has(" "), GenericExtractor.readsAsPersonName(byline) {
                    authors.append(Author(name: byline))
                }
            }
        }
        var images = result.images
        if images.isEmpty, let og = meta.images.first {
            images.append(ArticleImage(url: og.resolved(against: document.page.url)))
        }
        var article = Article(source: siteSource, adapter: adapter, kicker: kicker, title: title.isEmpty ? nil : title,
                              summary: meta.description, body: result.body, authors: authors, dateline: result.dateline,
                              agency: result.agency, publishedAt: published, updatedAt: updated, images: images,
                              categories: meta.sections, tags: meta.keywords, related: result.related, warnings: warnings)
        // A page that is not an article still states things: they travel with the error.
        // An index page keeps the text that was read (labelled as such): a real article judged
        // an index loses nothing for the user who keeps non-articles.
        func refused(_ code: ExtractionError.Code, _ kind: PageKind, _ reason: String) -> ExtractionError {
            article.pageKind = kind
            article.warnings.append(reason)
            let states = article.title != nil || article.publishedAt != nil || !article.body.isEmpty || !article.related.isEmpty
                || !article.images.isEmpty
            if states { article.complete(from: document, adapter: adapter) }
            return ExtractionError(code, input: document.page.name, adapter: adapter.id, reason, page: states ? article : nil)
        }
        if result.body.isEmpty {
            throw refused(.noContent, .thin, "no article text found on the page")
        }
        if let reason = GenericExtractor.notAnArticle(meta: meta, blocks: blocks, body: result.body, published: published, data: document.embeddedArticleIfRead) {
            throw refused(.notAnArticle, .index, reason)
        }
        return article
    }

    /// Why a page is a front, section or list page rather than an article, or nil. Such a page
    /// says nothing of an article (no `og:type` article, no JSON-LD article, no date, no article
    /// data) and is mostly links, or what reads as its body is a scrap.
    static func notAnArticle(meta: PageMetadata, blocks: [Block], body: [BodyBlock], published: Instant?,
                             data: EmbeddedArticle?) -> String? {
        if meta.type == "article" || meta.jsonLDType != nil || published != nil || data != nil { return nil }
        var chars = 0.0, linkChars = 0.0
        for b in blocks where b.role != .image {
            let n = Double(b.text.utf8.count)
            chars += n
            linkChars += n * b.linkDensity
        }
        let density = chars > 0 ? linkChars / chars : 0
        let bodyLetters = TextSearch.letterCount(body.map(\.text).joined())
        if bodyLetters < 200 {
            return "not an article page (no article metadata or date, and only \(bodyLetters) letters of text outside links)"
        }
        if density > 0.6 && bodyLetters < 600 {
            return "not an article page (no article metadata or date, and \(Int(density * 100))% of its text is links)"
        }
        return nil
    }

    /// The blocks of the main content: those inside the element whose blocks carry the most
    /// weighted text (characters, less link text, with a bonus or malus for its id and class).
    /// - Parameters:
    ///   - blocks: the page's blocks (``Document/blocks``).
    ///   - document: the page they were read from.
    /// - Returns: the blocks inside ``mainContainer(_:document:)``, in order; all of `blocks`
    ///   when there is no such element (not an HTML page, or no block carries text).
    public static func mainContent(_ blocks: [Block], document: Document) -> [Block] {
        guard let container = mainContainer(blocks, document: document) else { return blocks }
        return GenericExtractor.blocks(blocks, under: container)
    }

    /// The element whose blocks carry the most weighted text, if any block carries text.
    /// - Parameters:
    ///   - blocks: the page's blocks (``Document/blocks``).
    ///   - document: the page they were read from.
    /// - Returns: the element; nil when the document is not HTML or no block carries text.
    public static func mainContainer(_ blocks: [Block], document: Document) -> HTMLNode? {
        guard let html = document.html, let scored = bestScore(blocks, document: document) else { return nil }
        return html.node(id: scored.node)
    }

    /// The elements that hold the article, in document order: the one whose blocks carry the
    /// most weighted text; those of its siblings that carry at least a fifth as much (an article
    /// that figures, ads or a mid-story box split into several boxes); and elsewhere on the page,
    /// the boxes of the same element and class that hold text (an article in sections).
    /// - Parameters:
    ///   - blocks: the page's blocks (``Document/blocks``).
    ///   - document: the page they were read from.
    /// - Returns: the outermost of the chosen elements, none nested in another, in document
    ///   order; empty when the document is not HTML or no block carries text.
    public static func mainContainers(_ blocks: [Block], document: Document) -> [HTMLNode] {
        guard let html = document.html, let scored = bestScore(blocks, document: document) else { return [] }
        guard let best = html.node(id: scored.node) else { return [] }
        let bestClass = best.attribute("class") ?? ""
        var chosen: Set<Int> = [scored.node]
        // Most of a box's text must be sentences: a carousel of headlines is not the story.
        func isProse(_ node: Int) -> Bool { scored.prose(node) >= 0.6 * (scored.score(node) ?? 0) }
        if let parent = best.parent, parent.isElement {
            var c = parent.firstChild
            while let node = c {
                defer { c = node.nextSibling }
                guard node.id != scored.node, node.isElement, let score = scored.score(node.id) else { continue }
                let bonus = !bestClass.isEmpty && node.attribute("class") == bestClass ? scored.weighted * 0.2 : 0
                if score * containerHint(node) + bonus >= max(10, scored.weighted * 0.2), isProse(node.id) { chosen.insert(node.id) }
            }
        }
        if !bestClass.isEmpty {
            for (id, score) in scored.scores where id != scored.node && score >= max(30, scored.weighted * 0.05) {
                guard let n = html.node(id: id), n.hasSameName(as: best), n.attribute("class") == bestClass, isProse(id) else { continue }
                chosen.insert(id)
            }
        }
        // Keep the outermost of nested choices, in document order.
        var out: [HTMLNode] = []
        for id in chosen.sorted() {
            guard let node = html.node(id: id) else { continue }
            var a = node.parent
            var nested = false
            while let ancestor = a { if chosen.contains(ancestor.id) { nested = true; break }; a = ancestor.parent }
            if !nested { out.append(node) }
        }
        return out
    }

    /// How the generic extractor reads a page, for people tuning it or writing an adapter: the
    /// element chosen as the content area and its score, the other boxes merged with it, the
    /// runner-up elements, and the article data found in scripts.
    /// - Parameter document: the page.
    /// - Returns: lines for people (`content area: body > div#article  (score 1234)`, `  merged: …`,
    ///   up to five `  runner-up: …`, `article data in a script: …`); a single line saying why
    ///   when the page is not HTML or no block carries text.
    public static func explain(_ document: Document) -> [String] {
        guard let html = document.html else { return ["not an HTML page: read as \(document.kind.rawValue)"] }
        let blocks = document.blocks
        var lines: [String] = []
        func describe(_ node: Int) -> String {
            var parts: [String] = []
            guard var n = html.node(id: node) else { return "" }
            for _ in 0..<4 {
                var s = n.tagName
                if let id = n.attribute("id"), !id.isEmpty { s += "#" + id }
                for c in n.classList.prefix(2) { s += "." + c }
                parts.append(s)
                guard let p = n.parent, p.isElement else { break }
                n = p
            }
            return parts.reversed().joined(separator: " > ")
        }
        guard let scored = bestScore(blocks, document: document) else { return ["no block carries text"] }
        lines.append(String(format: "content area: %@  (score %.0f)", describe(scored.node), scored.weighted))
        for c in mainContainers(blocks, document: document) where c.id != scored.node {
            lines.append(String(format: "  merged: %@  (score %.0f)", describe(c.id), scored.score(c.id) ?? 0))
        }
        var weighted: [(node: Int, score: Double)] = []
        for (node, score) in scored.all where node != scored.node {
            guard let n = html.node(id: node) else { continue }
            weighted.append((node, score * containerHint(n)))
        }
        weighted.sort { (a: (node: Int, score: Double), b: (node: Int, score: Double)) -> Bool in
            a.score > b.score || (a.score == b.score && a.node > b.node)
        }
        let runnersUp = weighted.prefix(5)
        for (node, score) in runnersUp { lines.append(String(format: "  runner-up: %@  (score %.0f)", describe(node), score)) }
        if let data = EmbeddedArticle.find(in: html) {
            lines.append("article data in a script: \(data.letters) letters, \(data.blocks.count) blocks, title \(data.title ?? "none")")
        }
        return lines
    }

    /// Whether a block ends as a sentence does (`.`, `다`, `?`, `!`, a closing quote after them).
    static func endsSentence(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.reversed().makeIterator()
        guard var last = scalars.next() else { return false }
        while last == " " || last == "\n" || last == "\u{A0}" { guard let n = scalars.next() else { return false }; last = n }
        if last == "\"" || last == "”" || last == "’" || last == "'" || last == ")" { guard let n = scalars.next() else { return false }; last = n }
        return last == "." || last == "?" || last == "!" || last == "다" || last == "…" || last == "。" || last == ":"
    }

    /// How an element's `id` and `class` weigh its text: up for article words, down for widget words.
    static func containerHint(_ n: HTMLNode) -> Double {
        var attr: [UInt8] = []
        if let id = n.attributeBytes(.id) { attr += id }
        if let cls = n.attributeBytes(.class) { attr.append(0x20); attr += cls }
        if attr.count <= 1 { return 1 }
        for i in attr.indices where attr[i] >= 0x41 && attr[i] <= 0x5A { attr[i] |= 0x20 }
        let hits = attr.withUnsafeBufferPointer { hintNeedles.matches(in: $0) }
        var f = 1.0
        if hits & goodHintBits != 0 { f = 1.3 }
        if hits & ~goodHintBits != 0 { f *= 0.4 }
        return f
    }

    /// The good hints, then the bad ones, searched for in one pass.
    static let hintNeedles = NeedleSet((goodHints + badHints).map { String(decoding: $0, as: UTF8.self) })
    /// The bits of ``hintNeedles`` that are good hints.
    static let goodHintBits: UInt64 = (1 << UInt64(goodHints.count)) - 1

    static let goodHints: [[UInt8]] = ["article", "content", "news", "body", "story", "view", "text", "entry", "post", "cont", "txt",
                                       "read", "detail"].map { Array($0.utf8) }
    static let badHints: [[UInt8]] = ["comment", "footer", "nav", "sidebar", "side", "related", "banner", "ad-", "ads", "menu", "header",
                                      "reply", "recommend", "popular", "rank", "gnb", "lnb", "copyright", "share", "sns", "widget",
                                      "aside", "hot", "best", "list"].map { Array($0.utf8) }

    /// Every element's share of the page's text (a block's letters, less its link text, counted
    /// fully for its element and that element's parent and less for each level up), and the
    /// element with the highest score weighted by ``containerHint(_:)``.
    static func bestScore(_ blocks: [Block], document: Document) -> ContainerScores? {
        guard document.html != nil else { return nil }
        // The page's own blocks are scored once per document (the container pick and the block
        // classifier both ask); other block lists are scored as given.
        let own = document.blocks
        if blocks.count == own.count, blocks.first?.index == own.first?.index, blocks.last?.index == own.last?.index,
           blocks.last?.nodeID == own.last?.nodeID {
            return document.cached("generic.bestScore") { scoreContainers(own, document: document) }
        }
        return scoreContainers(blocks, document: document)
    }


    static func scoreContainers(_ blocks: [Block], document: Document) -> ContainerScores? {
        guard let html = document.html else { return nil }
        // Scores by node id (a dictionary sized for the blocks: pages have far more nodes than
        // scored elements).
        var scores: [Int: Double] = [:]
        var prose: [Int: Double] = [:]
        var furniture: Set<Int> = []
        scores.reserveCapacity(blocks.count * 2)
        prose.reserveCapacity(blocks.count * 2)
        let decay = [1.0, 1.0, 0.5, 0.33, 0.25, 0.2]
        for b in blocks {
            guard let id = b.nodeID else { continue }
            guard BlockFeatures.isText(b.role) else { continue }
            let letters = Double(TextSearch.letterCount(b.text))
            // Furniture is short: a long block is scored without asking (most of a page's text).
            if letters < 10 { continue }
            if letters <= 150 && Furniture.isFurniture(b.text) { furniture.insert(b.index); continue }
            let s = letters * (1 - b.linkDensity) * (1 - b.linkDensity)
            let isProse = endsSentence(b.text)
            var node = html.node(id: id)
            for level in 0..<decay.count {
                guard let n = node, n.isElement else { break }
                scores[n.id, default: 0] += s * decay[level]
                if isProse { prose[n.id, default: 0] += s * decay[level] }
                node = n.parent
            }
        }
        var best: (Int, Double)? = nil
        // Hints weigh between 0.4 and 1.3: a node under 0.4/1.3 of the top raw score cannot win.
        let floor = (scores.values.max() ?? 0) * 0.4 / 1.3
        for (node, score) in scores where score >= floor {
            if let b = best, score * 1.3 < b.1 { continue }
            guard let n = html.node(id: node) else { continue }
            let weighted = score * containerHint(n)
            // Ties go to the later node (a descendant comes after its ancestors): the smaller area.
            if weighted > (best?.1 ?? 0) + 1e-9 || (best != nil && abs(weighted - best!.1) <= 1e-9 && node > best!.0) {
                best = (node, weighted)
            }
        }
        guard let (node, weighted) = best else { return nil }
        return ContainerScores(node: node, weighted: weighted, scores: scores, proseScores: prose, furniture: furniture)
    }

    /// What ``bestScore(_:document:)`` found: the winner, and every element's score.
    struct ContainerScores: Sendable {
        /// The winner's ``HTMLNode/id``.
        var node: Int
        var weighted: Double
        var scores: [Int: Double]
        var proseScores: [Int: Double]
        /// Indices of the scored-role blocks of 10 to 150 letters that read as furniture.
        var furniture: Set<Int> = []

        /// An element's score, nil when no text reached it.
        func score(_ node: Int) -> Double? { scores[node] }
        func prose(_ node: Int) -> Double { proseScores[node] ?? 0 }
        /// Every scored element with its score, in document order.
        var all: [(Int, Double)] { scores.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }

    /// The blocks of an article area: those inside `container`, followed by the page's
    /// related-article runs outside it (a heading such as `관련 기사` and the linked teasers under
    /// it), which ``BlockAssembler`` turns into teasers.
    /// - Parameters:
    ///   - blocks: the page's blocks (``Document/blocks``).
    ///   - container: the element that holds the article.
    /// - Returns: the same as ``articleBlocks(_:containers:)`` with the one container.
    public static func articleBlocks(_ blocks: [Block], container: HTMLNode) -> [Block] {
        articleBlocks(blocks, containers: [container])
    }

    /// The blocks of an article held by several elements (see ``mainContainers(_:document:)``),
    /// in document order, with the related-article runs outside them.
    ///
    /// Blocks that sit, below a container, inside an element whose `id` or `class` names a widget
    /// (comments, share buttons, ads, tag lists …) and not also content are left out.
    /// - Parameters:
    ///   - blocks: the page's blocks (``Document/blocks``).
    ///   - containers: the elements that hold the article.
    /// - Returns: the blocks inside the containers in document order, then each related-article
    ///   run outside them (a heading and at least one linked or image block after it).
    public static func articleBlocks(_ blocks: [Block], containers: [HTMLNode]) -> [Block] {
        let parts = articleParts(blocks, containers: containers)
        return parts.inside + parts.related
    }

    /// ``articleBlocks(_:containers:)`` in its two parts: the blocks inside the containers, and
    /// the related-article runs outside them.
    package static func articleParts(_ blocks: [Block], containers: [HTMLNode]) -> (inside: [Block], related: [Block]) {
        var inside: [Block] = []
        for container in containers {
            inside += withoutWidgets(Self.blocks(blocks, under: container), container: container)
        }
        inside.sort { $0.index < $1.index }
        let insideIDs = Set(inside.map(\.index))
        var out: [Block] = []
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
        return (inside, out)
    }

    /// Class and id words that mark a widget inside an article area: comment boxes, share and
    /// bookmark layers, pop-ups, ads, tag lists, reaction buttons, navigation.
    static let widgetWords: Set<String> = ["comment", "comments", "reply", "replies", "share", "sharing", "sns", "social",
                                           "popup", "layer", "modal", "tooltip", "banner", "ad", "ads", "advert", "advertisement",
                                           "sponsor", "sponsored", "hashtag", "hashtags", "tag", "tags", "footer", "nav",
                                           "navigation", "menu", "breadcrumb", "breadcrumbs", "pagination", "pager", "emoji",
                                           "imoji", "emotion", "reaction", "reactions", "subscribe", "newsletter", "bookmark",
                                           "toolbar", "util", "utility", "gnb", "lnb", "sidebar", "aside", "popular", "ranking"]
    /// Words that keep an element even when it also carries a widget word (`article_ad_free`).
    static let contentWords: Set<String> = ["article", "body", "content", "main", "story", "column"]

    /// The words of an element's `id` and `class`: split at non-letters and at lower-to-upper
    /// case changes, lowercased (`wrap_comment commentBox` → wrap, comment, comment, box).
    /// Class names a CMS makes from the post's taxonomy (`tag-ads`, `category-comment`) say what
    /// the post is about, not what the element is, and give no words.
    static func attributeWords(_ node: HTMLNode) -> [String] {
        var words: [String] = []
        forEachAttributeWord(node) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with each word of ``attributeWords(_:)``, as lowercase bytes in a buffer that
    /// is reused (copy it to keep it): the same words without making a string of each.
    static func forEachAttributeWord(_ node: HTMLNode, _ body: ([UInt8]) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        for name in [KnownName.id, .class] {
            guard let value = node.attributeBytes(name), !value.isEmpty else { continue }
            var previousLower = false
            func end() {
                if !word.isEmpty { body(word); word.removeAll(keepingCapacity: true) }
            }
            // One pass over the bytes: tokens end at whitespace, words inside them at non-letters
            // and at lower-to-upper case changes.
            var k = value.startIndex
            while k < value.endIndex {
                let c = value[k]
                if isSpace(c) {
                    end()
                    previousLower = false
                    k += 1
                    continue
                }
                // A taxonomy class (`tag-ads`) at the start of a token: skip the token.
                if k == value.startIndex || isSpace(value[k - 1]), taxonomyPrefixes.contains(where: { p in
                    value[k...].starts(with: p) && k + p.count < value.endIndex && !isSpace(value[k + p.count])
                }) {
                    while k < value.endIndex, !isSpace(value[k]) { k += 1 }
                    continue
                }
                let isUpper = c >= 0x41 && c <= 0x5A
                let isLower = c >= 0x61 && c <= 0x7A
                if isUpper || isLower {
                    if isUpper && previousLower { end() }
                    word.append(isUpper ? c | 0x20 : c)
                    previousLower = isLower
                } else {
                    end()
                    previousLower = false
                }
                k += 1
            }
            end()
        }
    }

    /// HTML's ASCII whitespace, which separates class names.
    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }

    /// Prefixes of the class names WordPress and its kin derive from a post's tags and categories.
    static let taxonomyPrefixes: [[UInt8]] = ["tag-", "category-", "post_tag-", "topic-"].map { Array($0.utf8) }

    /// `blocks` without those that sit, below `container`, inside an element named as a widget
    /// (see ``widgetWords``) and not also as content.
    static func withoutWidgets(_ blocks: [Block], container: HTMLNode) -> [Block] {
        let html = container.document
        var verdict: [Int: Bool] = [:]
        func isWidget(_ node: HTMLNode) -> Bool {
            if let v = verdict[node.id] { return v }
            let words = attributeWords(node)
            let v = words.contains(where: widgetWords.contains) && !words.contains(where: contentWords.contains)
            verdict[node.id] = v
            return v
        }
        return blocks.filter { b in
            guard let id = b.nodeID else { return true }
            var n = html.node(id: id)
            while let node = n, node != container {
                if node.isElement && isWidget(node) { return false }
                n = node.parent
            }
            return true
        }
    }

    /// The lines of text inside an element, as its blocks read (a `<br>` or a block element
    /// starts a new line): for deck lines and other multi-line headers.
    /// - Parameters:
    ///   - node: the element.
    ///   - blocks: the page's blocks (``Document/blocks``).
    /// - Returns: the lines, trimmed, empty ones left out; empty when no block comes from inside `node`.
    public static func lines(of node: HTMLNode, in blocks: [Block]) -> [String] {
        Self.blocks(blocks, under: node).flatMap { $0.text.split(separator: "\n") }
            .map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// The blocks that come from inside `container` (the element itself included).
    /// - Parameters:
    ///   - blocks: the page's blocks (``Document/blocks``).
    ///   - container: the element.
    /// - Returns: those of `blocks` read from `container` or its descendants, in their order;
    ///   blocks not read from a DOM node are left out.
    public static func blocks(_ blocks: [Block], under container: HTMLNode) -> [Block] {
        let html = container.document
        return blocks.filter { b in
            guard let id = b.nodeID, let node = html.node(id: id) else { return false }
            return node.isInside(container)
        }
    }

    /// Whether an author string that no byline rule parsed may still be a name as written
    /// (`Jane Doe`): short, with no digits, address, role word or bracket.
    static func readsAsPersonName(_ s: String) -> Bool {
        s.count <= 40 && !s.contains(where: { $0.isNumber }) && !s.hasAny(["@", "http", "기자", "(", "[", "=", "/"])
    }

    /// Letters and digits: a Hangul syllable counts one.
    // MARK: Text captures

    func extractText(_ document: Document, source: Source?, adapter: AdapterInfo) throws(ExtractionError) -> Article {
        var blocks = document.blocks
        guard !blocks.isEmpty else {
            throw ExtractionError(.noContent, input: document.page.name, adapter: adapter.id, "the capture has no text")
        }
        let header = GenericFields.captureHeader(document)
        let (kicker, title) = header.headline.map(Headlines.splitKicker) ?? (nil, nil)
        let published = header.dates.published, updated = header.dates.updated
        blocks.removeFirst(header.contentStart)
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
    /// - Parameter document: the page.
    /// - Returns: a source whose id is the host of the page's URL (else of its canonical URL)
    ///   without `www.`, `m.`, `mobile.` or `amp.`, or `unknown`; whose name is the page's site
    ///   name (nil when it gives none); and whose kind is ``Source/Kind/broadcaster``,
    ///   ``Source/Kind/newsAgency`` or ``Source/Kind/blog`` when the name or host is a known one,
    ///   else ``Source/Kind/newspaper``.
    public static func source(for document: Document) -> Source {
        let meta = document.metadata
        let host = document.page.url?.host ?? meta.canonicalURL.flatMap { URL(string: $0)?.host }
        var id = host.map(registrableName) ?? "unknown"
        if id.isEmpty { id = "unknown" }
        let homepage = host.map { "\(document.page.url?.scheme ?? "https")://\($0)" }
        let name = meta.siteName?.collapsingWhitespace()
        var kind = Source.Kind.newspaper
        let probe = ((name ?? "") + " " + (host ?? "")).lowercased()
        if broadcasters.contains(where: { probe.has($0.lowercased()) }) { kind = .broadcaster }
        if agencies.contains(where: { probe.has($0.lowercased()) }) { kind = .newsAgency }
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
