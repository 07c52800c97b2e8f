/// Categories the tree builder tests on every stack walk, as bits of ``NodeRecord/flags``.
enum ElementFlags {
    static let special: UInt8 = 1
    static let defaultScopeBoundary: UInt8 = 2
    static let listItemScopeBoundary: UInt8 = 4
    static let buttonScopeBoundary: UInt8 = 8
    static let tableScopeBoundary: UInt8 = 16
    /// `option` and `optgroup`: the only elements that do not bound the select scope.
    static let insideSelectScope: UInt8 = 32

    static func of(_ namespace: HTMLNamespace, _ name: UInt32) -> UInt8 {
        let t = tagOf(name)
        var f: UInt8 = 0
        switch namespace {
        case .html:
            if isSpecialHTML(t) { f |= special }
            switch t {
            case .applet, .caption, .html, .table, .td, .th, .marquee, .object, .template:
                f |= defaultScopeBoundary | listItemScopeBoundary | buttonScopeBoundary
            case .ol, .ul: f |= listItemScopeBoundary
            case .button: f |= buttonScopeBoundary
            case .option, .optgroup: f |= insideSelectScope
            default: break
            }
            if t == .html || t == .table || t == .template { f |= tableScopeBoundary }
        case .mathml:
            switch t {
            case .mi, .mo, .mn, .ms, .mtext, .annotationXml:
                f |= special | defaultScopeBoundary | listItemScopeBoundary | buttonScopeBoundary
            default: break
            }
        case .svg:
            if t == .foreignObject || t == .desc || t == .title {
                f |= special | defaultScopeBoundary | listItemScopeBoundary | buttonScopeBoundary
            }
        }
        return f
    }

    static func isSpecialHTML(_ t: KnownName) -> Bool {
        switch t {
        case .address, .applet, .area, .article, .aside, .base, .basefont, .bgsound, .blockquote, .body, .br,
             .button, .caption, .center, .col, .colgroup, .dd, .details, .dir, .div, .dl, .dt, .embed, .fieldset,
             .figcaption, .figure, .footer, .form, .frame, .frameset, .h1, .h2, .h3, .h4, .h5, .h6, .head, .header,
             .hgroup, .hr, .html, .iframe, .img, .input, .keygen, .li, .link, .listing, .main, .marquee, .menu,
             .meta, .nav, .noembed, .noframes, .noscript, .object, .ol, .p, .param, .plaintext, .pre, .script,
             .search, .section, .select, .source, .style, .summary, .table, .tbody, .td, .template, .textarea,
             .tfoot, .th, .thead, .title, .tr, .track, .ul, .wbr, .xmp:
            return true
        default:
            return false
        }
    }
}
