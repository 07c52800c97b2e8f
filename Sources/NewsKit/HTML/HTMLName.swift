/// The namespace of an element in an ``HTMLDocument``.
public enum HTMLNamespace: UInt8, Sendable, Hashable {
    /// An HTML element (also HTML content inside SVG's `<foreignObject>` and other integration points).
    case html = 0
    /// An SVG element: `<svg>` and the foreign content the parser puts inside it.
    case svg = 1
    /// A MathML element: `<math>` and the foreign content the parser puts inside it.
    case mathml = 2
}

/// The namespace of an attribute (almost always ``none``; foreign content can set the others).
public enum HTMLAttributeNamespace: UInt8, Sendable, Hashable {
    /// No namespace: every attribute of an HTML element, and most of a foreign one.
    case none = 0
    /// The XLink namespace, for `xlink:href` and the other `xlink:` attributes of foreign elements.
    case xlink = 1
    /// The XML namespace, for `xml:lang` and `xml:space` on foreign elements.
    case xml = 2
    /// The XMLNS namespace, for `xmlns` and `xmlns:xlink` on foreign elements.
    case xmlns = 3
}

/// Element and attribute names the parser knows by heart, as compile-time constants.
///
/// Any other name is interned per document with an id at or above ``HTMLNames/firstDynamicID``.
/// The raw value is the index of the name in ``HTMLNames/known``.
package enum KnownName: UInt16 {
    case none = 0
    // HTML elements
    case a, abbr, address, applet, area, article, aside, audio, b, base, basefont, bdi, bdo, bgsound, big, blink,
         blockquote, body, br, button, canvas, caption, center, cite, code, col, colgroup, data, datalist, dd, del,
         details, dfn, dialog, dir, div, dl, dt, em, embed, fieldset, figcaption, figure, font, footer, form, frame,
         frameset, h1, h2, h3, h4, h5, h6, head, header, hgroup, hr, html, i, iframe, image, img, input, ins, isindex,
         kbd, keygen, label, legend, li, link, listing, main, map, mark, marquee, math, menu, menuitem, meta, meter,
         nav, nobr, noembed, noframes, noscript, object, ol, optgroup, option, output, p, param, picture, plaintext,
         pre, progress, q, rb, rp, rt, rtc, ruby, s, samp, script, search, section, select, selectedcontent, slot,
         small, source, span, strike, strong, style, sub, summary, sup, svg, table, tbody, td, template, textarea,
         tfoot, th, thead, time, title, tr, track, tt, u, ul, `var`, video, wbr, xmp
    // MathML and SVG elements the tree builder tests
    case mi, mo, mn, ms, mtext, annotationXml, malignmark, mglyph, foreignObject, desc
    // Attributes
    case id, `class`, href, src, alt, type, name, content, property, rel, lang, hidden, datetime, charset,
         httpEquiv, itemprop, itemtype, itemscope, role, ariaHidden, colspan, rowspan, width, height, srcset,
         dataSrc, encoding, color, face, size, selected, action, prompt, value, target, onclick, dataLazySrc,
         dataOriginal
}

/// Name tables: the known names, and interning of all others.
enum HTMLNames {
    /// Ids below this are ``KnownName`` cases; ids at or above it index a document's own name list.
    static let firstDynamicID: UInt32 = 1024

    /// The spelling of every ``KnownName`` case, in raw-value order.
    static let known: [String] = [
        "",
        "a", "abbr", "address", "applet", "area", "article", "aside", "audio", "b", "base", "basefont", "bdi", "bdo",
        "bgsound", "big", "blink", "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code",
        "col", "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em",
        "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3",
        "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "image", "img", "input", "ins",
        "isindex", "kbd", "keygen", "label", "legend", "li", "link", "listing", "main", "map", "mark", "marquee",
        "math", "menu", "menuitem", "meta", "meter", "nav", "nobr", "noembed", "noframes", "noscript", "object", "ol",
        "optgroup", "option", "output", "p", "param", "picture", "plaintext", "pre", "progress", "q", "rb", "rp",
        "rt", "rtc", "ruby", "s", "samp", "script", "search", "section", "select", "selectedcontent", "slot", "small",
        "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td",
        "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var",
        "video", "wbr", "xmp",
        "mi", "mo", "mn", "ms", "mtext", "annotation-xml", "malignmark", "mglyph", "foreignObject", "desc",
        "id", "class", "href", "src", "alt", "type", "name", "content", "property", "rel", "lang", "hidden",
        "datetime", "charset", "http-equiv", "itemprop", "itemtype", "itemscope", "role", "aria-hidden", "colspan",
        "rowspan", "width", "height", "srcset", "data-src", "encoding", "color", "face", "size", "selected", "action",
        "prompt", "value", "target", "onclick", "data-lazy-src", "data-original",
    ]

    /// A table of the known names, shared by every parse.
    static let knownTable: NameTable = {
        var table = NameTable(capacity: 512)
        for (index, name) in known.enumerated() where index > 0 {
            table.insert(Array(name.utf8), id: UInt32(index))
        }
        return table
    }()
}

/// An open-addressing hash table from name bytes to ids (FNV-1a hashing).
///
/// Copy-on-write: every parse starts from ``HTMLNames/knownTable`` and adds its own names.
struct NameTable: Sendable {
    private var slots: [Int32]          // index into `entries`, or -1
    private var entries: [(start: Int32, count: Int32, id: UInt32)] = []
    private var pool: [UInt8] = []
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    func lookup(_ bytes: [UInt8]) -> UInt32? {
        bytes.withUnsafeBufferPointer { lookup($0) }
    }

    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        // Called for every tag and attribute name, so through raw pointers: slot indices are masked,
        // and entry indices and pool ranges were all written by `insert`.
        let mask = slots.count - 1
        var i = Int(NameTable.hash(bytes)) & mask
        let count = bytes.count
        return slots.withUnsafeBufferPointer { slotBuffer in
            entries.withUnsafeBufferPointer { entryBuffer in
                pool.withUnsafeBufferPointer { pool -> UInt32? in
                    while true {
                        let slot = slotBuffer.baseAddress![i]
                        if slot < 0 { return nil }
                        let e = entryBuffer.baseAddress![Int(slot)]
                        if Int(e.count) == count {
                            var j = 0
                            if let p = pool.baseAddress, let b = bytes.baseAddress {
                                let q = p + Int(e.start)
                                while j < count && q[j] == b[j] { j += 1 }
                            }
                            if j == count { return e.id }
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
    }

    mutating func insert(_ bytes: [UInt8], id: UInt32) {
        bytes.withUnsafeBufferPointer { insert($0, id: id) }
    }

    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, id: UInt32) {
        if (count + 1) * 2 > slots.count { grow() }
        let start = Int32(pool.count)
        pool.append(contentsOf: bytes)
        entries.append((start, Int32(bytes.count), id))
        place(entry: Int32(entries.count - 1), hash: NameTable.hash(bytes))
        count += 1
    }

    private mutating func place(entry: Int32, hash: UInt32) {
        let mask = slots.count - 1
        var i = Int(hash) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = entry
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for (index, e) in entries.enumerated() {
            let h = pool.withUnsafeBufferPointer { p in
                NameTable.hash(UnsafeBufferPointer(rebasing: p[Int(e.start)..<Int(e.start + e.count)]))
            }
            place(entry: Int32(index), hash: h)
        }
    }
}

/// Interns names for one parse: known names resolve to their ``KnownName`` id, others get ids from
/// ``HTMLNames/firstDynamicID`` up, kept in ``names`` for the document.
package struct NameInterner: Sendable {
    private var table = HTMLNames.knownTable
    /// Spellings of the dynamic names, indexed by `id - firstDynamicID`.
    private(set) var names: [String] = []

    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        if let id = table.lookup(bytes) { return id }
        let id = HTMLNames.firstDynamicID + UInt32(names.count)
        names.append(String(decoding: bytes, as: UTF8.self))
        table.insert(bytes, id: id)
        return id
    }

    mutating func intern(_ string: String) -> UInt32 {
        let bytes = Array(string.utf8)
        return bytes.withUnsafeBufferPointer { intern($0) }
    }

    package func id(of string: String) -> UInt32? {
        table.lookup(Array(string.utf8))
    }

    package func spelling(of id: UInt32) -> String {
        if id < HTMLNames.firstDynamicID { return HTMLNames.known[Int(id)] }
        return names[Int(id - HTMLNames.firstDynamicID)]
    }
}

extension KnownName {
    /// The id of this known name.
    @inline(__always) package var id: UInt32 { UInt32(rawValue) }
}
