import Foundation

/// Reads an ``HTMLDocument`` as an ordered list of ``Block``s.
///
/// Blocks split at block-level elements and at runs of two or more `<br>` (one `<br>` stays
/// inside the block as a line break). `script`, `style`, `template`, `noscript`, form controls (buttons too),
/// embedded content, `hidden` elements and comments contribute nothing. Text is whitespace-
/// collapsed (NBSP and ideographic spaces included, zero-width characters dropped) and NFC.
struct HTMLBlockReader {
    private let document: HTMLDocument
    private let store: NodeStore
    private var blocks: [Block] = []
    private var buffer: [UInt8] = []
    private var pendingSpace = false
    private var pendingNewline = false
    private var totalChars = 0
    private var linkChars = 0
    private var linkDepth = 0
    private var links: [Block.Link] = []
    private var linkStarts: [(href: String, start: Int)] = []
    private var brRun = 0
    private var contexts: [Context] = []

    /// An open block element. Its path, id and classes are made only when a block is emitted
    /// inside it (most elements emit none), and kept for the blocks that follow.
    private struct Context {
        var node: Int32
        var role: Block.Role
        var path: String? = nil
        var details: (id: String?, classes: [String])? = nil
    }

    init(document: HTMLDocument) {
        self.document = document
        self.store = document.store
    }

    static func blocks(of document: HTMLDocument) -> [Block] {
        var reader = HTMLBlockReader(document: document)
        return reader.read()
    }

    private enum Kind { case block, skip, br, img, link, inline }

    private func kind(of node: Int32, _ r: NodeRecord) -> Kind {
        if r.namespace != .html { return .skip }
        switch tagOf(r.name) {
        case .head, .script, .style, .template, .noscript, .svg, .math, .iframe, .object, .embed, .canvas,
             .video, .audio, .map, .select, .option, .optgroup, .datalist, .textarea, .input, .title, .noembed,
             .noframes, .frameset, .frame, .param, .source, .track, .meta, .link, .base, .button:
            return .skip
        case .br: return .br
        case .img, .image: return .img
        case .a: return .link
        case .address, .article, .aside, .blockquote, .body, .center, .dd, .details, .dialog, .dir, .div, .dl,
             .dt, .fieldset, .figcaption, .figure, .footer, .form, .h1, .h2, .h3, .h4, .h5, .h6, .header, .hgroup,
             .hr, .html, .li, .listing, .main, .menu, .nav, .ol, .p, .pre, .section, .summary, .table, .tbody,
             .thead, .tfoot, .tr, .td, .th, .caption, .ul, .xmp, .plaintext, .legend, .search, .picture:
            return .block
        default:
            return .inline
        }
    }

    mutating func read() -> [Block] {
        let root: Int32 = document.body.map { $0.index } ?? 0
        var stack: [(node: Int32, exit: Bool)] = [(root, false)]
        let styleID = store.names.id(of: "style")
        while let (node, exit) = stack.popLast() {
            let r = store.nodes[Int(node)]
            if exit {
                switch kind(of: node, r) {
                case .block:
                    flush()
                    contexts.removeLast()
                case .link:
                    endLink()
                default: break
                }
                continue
            }
            switch r.kind {
            case .text:
                appendText(store.text[Int(r.start)..<Int(r.end)])
                continue
            case .element:
                break
            case .document, .fragment:
                pushChildren(node, &stack)
                continue
            default:
                continue
            }
            let k = kind(of: node, r)
            if k == .skip { continue }
            if store.attributeValue(node, .hidden) != nil { continue }
            if let cls = store.attributeValue(node, .class), HTMLBlockReader.hidesByClass(cls) { continue }
            if let styleID, let style = HTMLNode(document: document, index: node).attributeBytes(id: styleID), HTMLBlockReader.hidesElement(style) {
                continue
            }
            switch k {
            case .block:
                flush()
                contexts.append(context(for: node, r))
                brRun = 0
                stack.append((node, true))
                pushChildren(node, &stack)
            case .br:
                brRun += 1
                if brRun >= 2 { flush() } else if !buffer.isEmpty { pendingNewline = true }
            case .img:
                emitImage(node)
            case .link:
                linkDepth += 1
                let href = store.attributeValue(node, .href).map { String(decoding: $0, as: UTF8.self) } ?? ""
                linkStarts.append((href, buffer.count))
                stack.append((node, true))
                pushChildren(node, &stack)
            case .inline:
                pushChildren(node, &stack)
            case .skip:
                break
            }
        }
        flush()
        return blocks
    }

    private func pushChildren(_ node: Int32, _ stack: inout [(node: Int32, exit: Bool)]) {
        var c = store.nodes[Int(node)].lastChild
        while c >= 0 {
            stack.append((c, false))
            c = store.nodes[Int(c)].prev
        }
    }

    /// Class names that, by near-universal convention, hide an element from sight: a copy of
    /// the article kept for mail or print (`hide`), screen-reader labels (`blind`, `sr-only`).
    static let hidingClasses: [[UInt8]] = ["hide", "hidden", "blind", "sr-only", "screen_out", "screen-reader-text",
                                           "visually-hidden", "visuallyhidden", "d-none", "is-hidden"].map { Array($0.utf8) }

    /// Whether a `class` attribute holds one of ``hidingClasses`` (ASCII case-insensitive).
    static func hidesByClass(_ value: ArraySlice<UInt8>) -> Bool {
        var i = value.startIndex
        while i < value.endIndex {
            while i < value.endIndex && (value[i] == 0x20 || value[i] == 0x09 || value[i] == 0x0A || value[i] == 0x0C || value[i] == 0x0D) { i += 1 }
            let start = i
            while i < value.endIndex && !(value[i] == 0x20 || value[i] == 0x09 || value[i] == 0x0A || value[i] == 0x0C || value[i] == 0x0D) { i += 1 }
            let length = i - start
            guard length >= 4 && length <= 18 else { continue }
            for name in hidingClasses where name.count == length {
                var same = true
                for k in 0..<length where (value[start + k] | (value[start + k] >= 0x41 && value[start + k] <= 0x5A ? 0x20 : 0)) != name[k] {
                    same = false
                    break
                }
                if same { return true }
            }
        }
        return false
    }

    static func hidesElement(_ style: ArraySlice<UInt8>) -> Bool {
        let compact = style.filter { $0 != 0x20 && $0 != 0x09 }.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return compact.count >= 12 && TextSearch.find(Array("display:none".utf8), in: compact)
    }

    private func context(for node: Int32, _ r: NodeRecord) -> Context {
        let t = tagOf(r.name)
        var role: Block.Role
        switch t {
        case .h1: role = .heading(1)
        case .h2: role = .heading(2)
        case .h3: role = .heading(3)
        case .h4: role = .heading(4)
        case .h5: role = .heading(5)
        case .h6: role = .heading(6)
        case .li, .dd, .dt: role = .listItem
        case .figcaption, .caption: role = .caption
        case .td, .th: role = .tableCell
        case .pre, .listing, .xmp, .plaintext: role = .preformatted
        case .blockquote: role = .quote
        default:
            role = .paragraph
            if let parent = contexts.last, parent.role != .paragraph { role = parent.role }
        }
        if role == .paragraph || role == .tableCell, HTMLBlockReader.namesCaption(store.attributeValue(node, .class))
            || HTMLBlockReader.namesCaption(store.attributeValue(node, .id)) {
            role = .caption
        }
        return Context(node: node, role: role)
    }

    static let captionWords: [[UInt8]] = ["caption", "Caption", "img_desc", "photo_desc"].map { Array($0.utf8) }

    /// Whether an id or class value names a caption (`caption`, `img_desc`, `photo_desc`).
    static func namesCaption(_ value: ArraySlice<UInt8>?) -> Bool {
        guard let value, value.count >= 7 else { return false }
        return captionWords.contains { TextSearch.find($0, in: value) }
    }

    /// The id and classes of the context at `k`, made once.
    private mutating func details(_ k: Int) -> (id: String?, classes: [String]) {
        if let d = contexts[k].details { return d }
        let node = contexts[k].node
        let d = (store.attributeValue(node, .id).map { String(decoding: $0, as: UTF8.self) },
                 HTMLNode(document: document, index: node).classList)
        contexts[k].details = d
        return d
    }

    /// The element path of the context at `k` (`body>div#wrap>article.story>p`), made once.
    private mutating func path(_ k: Int) -> String {
        if let p = contexts[k].path { return p }
        var p = k > 0 ? path(k - 1) : ""
        if !p.isEmpty { p += ">" }
        p += document.spelling(store.nodes[Int(contexts[k].node)].name)
        let d = details(k)
        if let id = d.id, !id.isEmpty { p += "#" + id }
        for c in d.classes.prefix(2) { p += "." + c }
        contexts[k].path = p
        return p
    }

    // MARK: Text

    private mutating func appendText(_ bytes: ArraySlice<UInt8>) {
        var i = bytes.startIndex
        let end = bytes.endIndex
        var sawText = false
        while i < end {
            let c = bytes[i]
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C {
                pendingSpace = true; i += 1; continue
            }
            if c == 0xC2 && i + 1 < end && bytes[i + 1] == 0xA0 { pendingSpace = true; i += 2; continue }       // NBSP
            if c == 0xE3 && i + 2 < end && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 { pendingSpace = true; i += 3; continue } // U+3000
            if c == 0xE2 && i + 2 < end && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x8B || bytes[i + 2] == 0x8D) { i += 3; continue } // ZWSP, ZWJ
            if c == 0xEF && i + 2 < end && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF { i += 3; continue }     // BOM
            if !buffer.isEmpty {
                if pendingNewline { buffer.append(0x0A) } else if pendingSpace { buffer.append(0x20) }
            }
            pendingSpace = false
            pendingNewline = false
            buffer.append(c)
            if c & 0xC0 != 0x80 {
                totalChars += 1
                if linkDepth > 0 { linkChars += 1 }
            }
            sawText = true
            i += 1
        }
        if sawText { brRun = 0 }
    }

    private mutating func endLink() {
        linkDepth -= 1
        guard let (href, start) = linkStarts.popLast() else { return }
        if start <= buffer.count {
            let text = String(decoding: buffer[start...], as: UTF8.self).trimmingSpaces()
            if !href.isEmpty || !text.isEmpty { links.append(Block.Link(url: href, text: text)) }
        }
    }

    private mutating func emitImage(_ node: Int32) {
        let n = HTMLNode(document: document, index: node)
        var src = n.attribute("src") ?? ""
        for lazy in ["data-src", "data-original", "data-lazy-src", "data-url"] where src.isEmpty || src.hasPrefix("data:") {
            if let v = n.attribute(lazy), !v.isEmpty { src = v }
        }
        guard !src.isEmpty, !src.hasPrefix("data:") else { return }
        let width = n.attribute("width").flatMap { Int($0) }
        let height = n.attribute("height").flatMap { Int($0) }
        if let w = width, w > 0, w < 40 { return }   // icons and spacers
        if let h = height, h > 0, h < 40 { return }
        flush()
        let alt = n.attribute("alt").map { $0.collapsingWhitespace() }
        let parentPath = contexts.isEmpty ? "" : path(contexts.count - 1)
        blocks.append(Block(text: alt ?? "", role: .image, path: parentPath + ">img", elementID: n.elementID,
                            classes: n.classList, image: Block.Image(url: src, alt: alt, width: width, height: height),
                            index: blocks.count, nodeID: Int(node)))
    }

    private mutating func flush() {
        defer {
            buffer.removeAll(keepingCapacity: true)
            pendingSpace = false
            pendingNewline = false
            totalChars = 0
            linkChars = 0
            links.removeAll()
            for i in linkStarts.indices { linkStarts[i].start = 0 }
        }
        guard !buffer.isEmpty, let ctx = contexts.last else { return }
        let text = String(decoding: buffer, as: UTF8.self).nfc
        let k = contexts.count - 1
        let d = details(k)
        blocks.append(Block(text: text, role: ctx.role,
                            linkDensity: totalChars > 0 ? Double(linkChars) / Double(totalChars) : 0,
                            path: path(k), elementID: d.id, classes: d.classes, links: links,
                            index: blocks.count, nodeID: Int(ctx.node)))
    }
}

extension String {
    /// The string in Unicode Normalization Form C; a no-op for text without combining marks
    /// or conjoining jamo (the common case, checked first).
    var nfc: String {
        for s in unicodeScalars {
            let v = s.value
            if (v >= 0x0300 && v <= 0x036F) || (v >= 0x1100 && v <= 0x11FF) || (v >= 0xA960 && v <= 0xA97F)
                || (v >= 0xD7B0 && v <= 0xD7FF) || (v >= 0x3099 && v <= 0x309A) {
                return precomposedStringWithCanonicalMapping
            }
        }
        return self
    }
}
