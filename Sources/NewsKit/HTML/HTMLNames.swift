/// Name tables: the known names, and interning of all others.
@usableFromInline enum HTMLNames {
    /// Ids below this are ``KnownName`` cases; ids at or above it index a document's own name list.
    @usableFromInline static let firstDynamicID: UInt32 = 1024

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
