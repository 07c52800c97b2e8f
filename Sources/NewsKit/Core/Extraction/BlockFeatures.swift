import Foundation
import NewsKitHTML

/// What the block classifier (``BlockClassifier``) reads of each text block of a page: its size,
/// links and punctuation, its role, whether the container pick put it in the article, and what
/// the elements around it are named and tagged. Values are plain numbers, so the script that
/// fits the weights (`scripts/fit-blocks.py`) reads the same vectors the library computes.
package struct BlockFeatures: Sendable {
    /// The features' names, in vector order (the shipped weights name theirs, and must match).
    package static let names = [
        "letters_log", "link_density", "ends_sentence", "in_content", "in_widget", "furniture",
        "role_heading", "role_list", "role_table", "role_quote_pre", "short", "links_log",
        "good_hint", "bad_hint", "widget_ancestor", "semantic_article", "semantic_boilerplate",
        "position", "neighbours_in_content", "punctuation", "digits", "parent_share", "gap_log",
        "page_share", "sibling_of_content", "cousin_of_content", "same_element_kind",
        "within_span", "after_span", "comment_ancestor", "in_class_box",
    ]

    /// The block's index in the page's block list.
    package var block: Int
    /// The values, in ``names`` order.
    package var values: [Double]

    /// What an element says of the text under it, as bits of one byte (0 means not read yet).
    enum Mark {
        static let read: UInt8 = 1, good: UInt8 = 2, bad: UInt8 = 4, widget: UInt8 = 8, article: UInt8 = 16,
                   boiler: UInt8 = 32, comments: UInt8 = 64, classBox: UInt8 = 128
        static func make(good g: Bool = false, bad b: Bool = false, widget w: Bool = false, article a: Bool, boiler o: Bool,
                         comments c: Bool = false, classBox x: Bool) -> UInt8 {
            read | (g ? good : 0) | (b ? bad : 0) | (w ? widget : 0) | (a ? article : 0) | (o ? boiler : 0)
                | (c ? comments : 0) | (x ? classBox : 0)
        }
    }

    /// The word lists as bytes, for lookups without a string per word.
    static let widgetWordBytes = Set(GenericExtractor.widgetWords.map { Array($0.utf8) })
    static let contentWordBytes = Set(GenericExtractor.contentWords.map { Array($0.utf8) })
    static let commentWordBytes = Set(commentWords.map { Array($0.utf8) })

    /// Class and id words of comment threads and their forms.
    static let commentWords: Set<String> = ["comment", "comments", "reply", "replies", "respond", "discussion", "disqus", "responses"]

    /// The roles the classifier judges, and the container scores count: running text of any kind.
    static func isText(_ role: Block.Role) -> Bool {
        switch role {
        case .paragraph, .quote, .listItem, .heading, .tableCell, .preformatted, .line: return true
        case .caption, .image: return false
        }
    }

    /// The features of every text block of an HTML page.
    /// - Parameters:
    ///   - blocks: the page's blocks (``Document/blocks``).
    ///   - document: the page; nothing comes out when it is not HTML.
    ///   - content: indices of the blocks the container pick chose (``GenericExtractor/articleBlocks(_:containers:)``).
    ///   - containers: the chosen containers.
    /// - Returns: one vector per text block with letters, in block order.
    package static func compute(_ blocks: [Block], document: Document, content: Set<Int>, containers: [HTMLNode]) -> [BlockFeatures] {
        guard let html = document.html else { return [] }
        let scored = GenericExtractor.bestScore(blocks, document: document)
        let best = max(scored?.weighted ?? 1, 1)
        // The classes of the chosen boxes: an article split into boxes of one class.
        let boxClasses = containers.compactMap { $0.attributeBytes(.class).map(Array.init) }.filter { !$0.isEmpty }
        /// An element's kind: its tag and its class attribute.
        func kind(_ node: HTMLNode) -> Int {
            var h = Hasher()
            h.combine(node.nameKey)
            if let c = node.attributeBytes(.class) {
                c.withUnsafeBytes { h.combine(bytes: $0) }
            }
            return h.finalize()
        }
        func isClassBox(_ node: HTMLNode) -> Bool {
            guard let c = node.attributeBytes(.class) else { return false }
            return boxClasses.contains { $0.elementsEqual(c) }
        }
        // Per node, what its element says, as bits (``Mark``), read once: pages hold thousands of
        // blocks under the same few ancestors.
        var marks = [UInt8](repeating: 0, count: html.nodeCount)
        let articleBody = Array("articlebody".utf8)
        func mark(_ node: HTMLNode) -> UInt8 {
            let known = marks[node.id]
            if known != 0 { return known }
            let tag = node.knownTag
            let boiler = tag == .nav || tag == .footer || tag == .aside || tag == .header || tag == .form
            var article = tag == .article || tag == .main
            if !article, let v = node.attributeBytes(.itemprop), v.count >= articleBody.count {
                article = zip(v.prefix(articleBody.count), articleBody).allSatisfy { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
            }
            // Most elements carry neither an id nor a class: nothing to read in their names.
            guard node.attributeBytes(.id) != nil || node.attributeBytes(.class) != nil else {
                let m = Mark.make(article: article, boiler: boiler, classBox: false)
                marks[node.id] = m
                return m
            }
            let hint = GenericExtractor.containerHint(node)
            var widgetWord = false, contentWord = false, comments = false
            GenericExtractor.forEachAttributeWord(node) { w in
                if Self.widgetWordBytes.contains(w) { widgetWord = true }
                if Self.contentWordBytes.contains(w) { contentWord = true }
                if Self.commentWordBytes.contains(w) { comments = true }
            }
            let widget = widgetWord && !contentWord
            let m = Mark.make(good: hint > 1, bad: hint < 1, widget: widget, article: article, boiler: boiler,
                              comments: comments, classBox: !boxClasses.isEmpty && isClassBox(node))
            marks[node.id] = m
            return m
        }
        let text = blocks.indices.filter { isText(blocks[$0].role) && !blocks[$0].text.isEmpty }
        // Distance in text blocks to the nearest chosen one.
        var gap = [Int](repeating: Int.max / 2, count: text.count)
        var last = -1
        for (k, i) in text.enumerated() {
            if content.contains(blocks[i].index) { last = k }
            if last >= 0 { gap[k] = k - last }
        }
        last = -1
        for (k, i) in text.enumerated().reversed() {
            if content.contains(blocks[i].index) { last = k }
            if last >= 0 { gap[k] = min(gap[k], last - k) }
        }
        // Where the chosen blocks sit: their parents, grandparents and element kinds (tag and classes).
        // By node id, as are the marks.
        var parents: [Int: Int] = [:], grandparents: Set<Int> = [], kinds: Set<Int> = []
        let containerIDs = containers.map(\.id)
        var pageLetters = 0.0
        var firstChosen = Int.max, lastChosen = -1
        let letterCounts = text.map { Double(TextSearch.letterCount(blocks[$0].text)) }
        for (k, i) in text.enumerated() {
            let b = blocks[i]
            pageLetters += letterCounts[k]
            guard content.contains(b.index) else { continue }
            firstChosen = min(firstChosen, i)
            lastChosen = max(lastChosen, i)
            if let id = b.nodeID, let node = html.node(id: id) {
                if let p = node.parent { parents[p.id, default: 0] += 1; if let g = p.parent { grandparents.insert(g.id) } }
                kinds.insert(kind(node))
            }
        }
        var out: [BlockFeatures] = []
        out.reserveCapacity(text.count)
        let count = Double(max(blocks.count, 1))
        for (k, i) in text.enumerated() {
            let b = blocks[i]
            let letters = letterCounts[k]
            var good = false, bad = false, widget = false, article = false, boiler = false, inWidget = false, comment = false
            var parentShare = 0.0
            var sibling = false, cousin = false, classBox = false
            if let id = b.nodeID, let start = html.node(id: id) {
                if let p = start.parent {
                    sibling = (parents[p.id] ?? 0) > (content.contains(b.index) ? 1 : 0)
                    cousin = p.parent.map { grandparents.contains($0.id) } ?? false
                }
                var n: HTMLNode? = start
                var level = 0
                var underContainer = false
                var widgetBelowContainer = false
                while let node = n, level < 8 {
                    if node.isElement {
                        if containerIDs.contains(node.id) { underContainer = true }
                        let m = mark(node)
                        if level < 6 {
                            good = good || m & Mark.good != 0
                            bad = bad || m & Mark.bad != 0
                            classBox = classBox || m & Mark.classBox != 0
                        }
                        let isWidget = m & Mark.widget != 0
                        widget = widget || isWidget
                        if isWidget && !underContainer { widgetBelowContainer = true }
                        article = article || m & Mark.article != 0
                        boiler = boiler || m & Mark.boiler != 0
                        comment = comment || m & Mark.comments != 0
                        if level == 1, let s = scored?.score(node.id) { parentShare = min(s / best, 1) }
                    }
                    n = node.parent
                    level += 1
                }
                inWidget = underContainer && widgetBelowContainer && !content.contains(b.index)
            }
            var punctuation = 0.0, digits = 0.0
            for u in b.text.utf8 {
                switch u {
                case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F: punctuation += 1
                case 0x30...0x39: digits += 1
                default: break
                }
            }
            var near = 0.0, seen = 0.0
            for d in [-2, -1, 1, 2] where k + d >= 0 && k + d < text.count {
                seen += 1
                if content.contains(blocks[text[k + d]].index) { near += 1 }
            }
            let role = b.role
            var isHeading = false, isList = false, isTable = false, isQuote = false
            switch role {
            case .heading: isHeading = true
            case .listItem: isList = true
            case .tableCell: isTable = true
            case .quote, .preformatted: isQuote = true
            default: break
            }
            let values: [Double] = [
                log1p(letters), b.linkDensity, GenericExtractor.endsSentence(b.text) ? 1 : 0,
                content.contains(b.index) ? 1 : 0, inWidget ? 1 : 0,
                letters <= 150 && (letters >= 10 && scored != nil ? scored!.furniture.contains(b.index) : Furniture.isFurniture(b.text)) ? 1 : 0,
                isHeading ? 1 : 0, isList ? 1 : 0, isTable ? 1 : 0, isQuote ? 1 : 0, letters < 30 ? 1 : 0,
                log1p(Double(b.links.count)),
                good ? 1 : 0, bad ? 1 : 0, widget ? 1 : 0, article ? 1 : 0, boiler ? 1 : 0,
                Double(b.index) / count, seen > 0 ? near / seen : 0,
                min(punctuation * 100 / max(letters, 1), 20) / 20, min(digits / max(letters, 1), 1),
                parentShare, log1p(Double(min(gap[k], 1000))),
                letters / max(pageLetters, 1), sibling ? 1 : 0, cousin ? 1 : 0,
                b.nodeID.flatMap(html.node(id:)).map { kinds.contains(kind($0)) } == true ? 1 : 0,
                i > firstChosen && i < lastChosen ? 1 : 0, i > lastChosen ? 1 : 0, comment ? 1 : 0, classBox ? 1 : 0,
            ]
            out.append(BlockFeatures(block: i, values: values))
        }
        return out
    }
}
