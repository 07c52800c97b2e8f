import Foundation
import NewsKitHTML

/// Reads an ``HTMLDocument`` as an ordered list of ``Block``s.
///
/// Blocks split at block-level elements and at runs of two or more `<br>` (one `<br>` stays
/// inside the block as a line break). `script`, `style`, `template`, `noscript`, form controls (buttons too),
/// embedded content, `hidden` elements and comments contribute nothing. Text is whitespace-
/// collapsed (NBSP and ideographic spaces included, zero-width characters dropped) and NFC.
struct HTMLBlockReader {
    private let document: HTMLDocument
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

    /// An open block element.
    private struct Context {
        var node: HTMLNode
        var role: Block.Role
    }

    init(document: HTMLDocument) {
        self.document = document
    }

    static func blocks(of document: HTMLDocument) -> [Block] {
        var reader = HTMLBlockReader(document: document)
        return reader.read()
    }

    private enum Kind { case block, skip, br, img, link, inline }

    private func kind(of node: HTMLNode) -> Kind {
        if node.namespace != .html { return .skip }
        switch node.knownTag {
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
        var stack: [(node: HTMLNode, exit: Bool)] = [(document.body ?? document.root, false)]
        while let (node, exit) = stack.popLast() {
            if exit {
                switch kind(of: node) {
                case .block:
                    flush()
                    contexts.removeLast()
                case .link:
                    endLink()
                default: break
                }
                continue
            }
            switch node.kind {
            case .text:
                node.withDataBytes { appendText($0) }
                continue
            case .element:
                break
            case .document, .fragment:
                pushChildren(node, &stack)
                continue
            default:
                continue
            }
            let k = kind(of: node)
            if k == .skip { continue }
            if node.hasAttributes && isHidden(node) { continue }
            switch k {
            case .block:
                flush()
                contexts.append(context(for: node))
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
                let href = node.attributeBytes(.href).map { String(decoding: $0, as: UTF8.self) } ?? ""
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

    private func pushChildren(_ node: HTMLNode, _ stack: inout [(node: HTMLNode, exit: Bool)]) {
        var c = node.lastChild
        while let child = c {
            stack.append((child, false))
            c = child.previousSibling
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
            // Every hiding class starts with one of these letters.
            let f = value[start] | 0x20
            guard f == 0x68 || f == 0x62 || f == 0x73 || f == 0x76 || f == 0x64 || f == 0x69 else { continue }
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

    /// Whether an element is hidden: a `hidden` attribute, a hiding class, `display:none`.
    private func isHidden(_ node: HTMLNode) -> Bool {
        if node.attributeBytes(.hidden) != nil { return true }
        if let c = node.attributeBytes(.class), HTMLBlockReader.hidesByClass(c) { return true }
        if let style = node.attributeBytes(.style), HTMLBlockReader.hidesElement(style) { return true }
        return false
    }

    /// Whether UTF-8 text holds a combining mark or a conjoining jamo (the only text whose NFC
    /// form differs, in practice): U+0300–036F, U+1100–11FF, U+3099–309A, U+A960–A97F, U+D7B0–D7FF.
    static func mayNeedNormalizing(_ b: [UInt8]) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0xCC { i += 1; continue }
            if (c == 0xCC || c == 0xCD) { return true }
            if c == 0xE1, i + 1 < n, b[i + 1] >= 0x84 && b[i + 1] <= 0x87 { return true }
            if c == 0xE3, i + 2 < n, b[i + 1] == 0x82, b[i + 2] == 0x99 || b[i + 2] == 0x9A { return true }
            if c == 0xEA, i + 1 < n, b[i + 1] == 0xA5 { return true }
            if c == 0xED, i + 2 < n, b[i + 1] == 0x9F || (b[i + 1] == 0x9E && b[i + 2] >= 0xB0) { return true }
            i += 1
        }
        return false
    }

    static func hidesElement(_ style: ArraySlice<UInt8>) -> Bool {
        // Cheap first: the value must say "none" somewhere.
        guard style.count >= 12, style.contains(where: { $0 == 0x6E || $0 == 0x4E }) else { return false }
        let compact = style.filter { $0 != 0x20 && $0 != 0x09 }.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return compact.count >= 12 && TextSearch.find(displayNone, in: compact)
    }

    static let displayNone = Array("display:none".utf8)

    private func context(for node: HTMLNode) -> Context {
        let t = node.knownTag
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
        if role == .paragraph || role == .tableCell || role == .listItem, HTMLBlockReader.namesCaption(node.attributeBytes(.class))
            || HTMLBlockReader.namesCaption(node.attributeBytes(.id)) {
            role = .caption
        }
        return Context(node: node, role: role)
    }

    /// Whether an id or class value names a caption (`caption`, `Caption`, `img_desc`, `photo_desc`).
    static func namesCaption(_ value: ArraySlice<UInt8>?) -> Bool {
        guard let value, value.count >= 7 else { return false }
        return value.withUnsafeBufferPointer { b in
            // "aption" (caption, Caption) or "_desc" (img_desc, photo_desc), in one scan.
            var i = 0
            while i + 5 <= b.count {
                if b[i] == 0x61, i + 6 <= b.count, b[i + 1] == 0x70, b[i + 2] == 0x74, b[i + 3] == 0x69, b[i + 4] == 0x6F, b[i + 5] == 0x6E { return true }
                if b[i] == 0x5F, b[i + 1] == 0x64, b[i + 2] == 0x65, b[i + 3] == 0x73, b[i + 4] == 0x63, i >= 3 { return true }
                i += 1
            }
            return false
        }
    }

    // MARK: Text

    private mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        var i = bytes.startIndex
        let end = bytes.endIndex
        var sawText = false
        while i < end {
            let c = bytes[i]
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C {
                pendingSpace = true; i += 1; continue
            }
            if c >= 0xC2 {
                if c == 0xC2 && i + 1 < end && bytes[i + 1] == 0xA0 { pendingSpace = true; i += 2; continue }       // NBSP
                if c == 0xE3 && i + 2 < end && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 { pendingSpace = true; i += 3; continue } // U+3000
                if c == 0xE2 && i + 2 < end && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x8B || bytes[i + 2] == 0x8D) { i += 3; continue } // ZWSP, ZWJ
                if c == 0xEF && i + 2 < end && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF { i += 3; continue }     // BOM
            }
            if !buffer.isEmpty {
                if pendingNewline { buffer.append(0x0A) } else if pendingSpace { buffer.append(0x20) }
            }
            pendingSpace = false
            pendingNewline = false
            // Copy the run up to the next space or special character at once.
            var j = i + 1
            var chars = c & 0xC0 != 0x80 ? 1 : 0
            while j < end {
                let d = bytes[j]
                if d <= 0x20 || d == 0xC2 || d == 0xE2 || d == 0xE3 || d == 0xEF { break }
                if d & 0xC0 != 0x80 { chars += 1 }
                j += 1
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
            totalChars += chars
            if linkDepth > 0 { linkChars += chars }
            sawText = true
            i = j
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

    private mutating func emitImage(_ n: HTMLNode) {
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
        blocks.append(Block(text: alt ?? "", role: .image, linkDensity: 0, links: [],
                            image: Block.Image(url: src, alt: alt, width: width, height: height), index: blocks.count, element: n))
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
        let decoded = String(decoding: buffer, as: UTF8.self)
        let text = HTMLBlockReader.mayNeedNormalizing(buffer) ? decoded.nfc : decoded
        blocks.append(Block(text: text, role: ctx.role, linkDensity: totalChars > 0 ? Double(linkChars) / Double(totalChars) : 0,
                            links: links, image: nil, index: blocks.count, element: ctx.node))
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
