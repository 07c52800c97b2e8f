// libFuzzer target `html`: the HTML parser, selectors, blocks and the generic extractor.
//
// Input layout. First byte even: the rest is the page, raw. First byte odd: the rest is a
// program that writes HTML, one operation per byte (see `HTMLProgram`), so that structures a
// byte-level mutator rarely builds by chance are a few bytes away: tags from the parser's hard
// cases (tables, formatting elements, foreign content, select, template, frameset, raw-text
// elements), nesting repeated up to ~100k deep, and adoption-agency misnesting.
// Built by scripts/fuzz.sh html; see docs/fuzzing.md.

@testable import NewsKitHTML
@testable import NewsKitCore
@testable import NewsKitFetching

enum HTMLProgram {
    static let tags = [
        "html", "head", "body", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup", "col",
        "select", "option", "optgroup", "template", "svg", "math", "foreignObject", "desc", "title", "mi", "mo",
        "annotation-xml", "a", "b", "i", "u", "s", "em", "strong", "font", "nobr", "big", "small", "tt", "code",
        "p", "div", "span", "li", "ul", "ol", "dl", "dd", "dt", "h1", "h2", "form", "frameset", "frame", "noframes",
        "plaintext", "script", "style", "textarea", "xmp", "iframe", "noembed", "noscript", "button", "applet",
        "object", "marquee", "article", "section", "main", "figure", "figcaption", "header", "footer", "nav",
        "aside", "pre", "listing", "image", "isindex", "ruby", "rt", "rp", "address", "center", "menu", "summary",
        "details", "dialog", "search", "hr", "br", "img", "input", "meta", "link", "base", "wbr", "keygen",
    ]
    static let voids = ["br", "img src=a.jpg alt=사진", "input type=hidden", "hr", "meta charset=euc-kr", "link rel=canonical href=/x",
                        "base href=http://e.x/", "wbr", "col span=2", "embed", "area", "source", "track", "param", "keygen"]
    static let attributes = [
        "class", "id", "href", "src", "style", "type", "name", "content", "property", "itemprop", "rel", "color",
        "face", "size", "charset", "http-equiv", "xlink:href", "xmlns", "xmlns:xlink", "definitionURL", "encoding",
        "viewBox", "data-src", "hidden", "datetime", "dir", "lang", "alt", "title", "srcdoc",
    ]
    static let values = [
        "", "x", "article-body", "lead", "byline", "caption", "text/html", "application/ld+json", "display:none",
        "text/html; charset=euc-kr", "http://example.com/a?b=1&c=2", "javascript:x", "og:title", "article:published_time",
        "2024-05-01T09:00:00+09:00", "기자", "홍길동 기자", "&amp;", "&#0;", "&#x110000;", "&notin", "\"", "'", ">", "<",
        "TEXT/HTML", "application/xhtml+xml", "hidden", "red", "svg",
    ]
    static let texts = [
        "x", " ", "\n", "\t\u{0C}", "본문", "연합뉴스", "(서울=연합뉴스) 홍길동 기자 = ", "2024.05.01 09:00", "입력 2024-05-01",
        "&amp;", "&lt;", "&nbsp;", "&notin", "&notit;", "&#x0;", "&#0;", "&#x110000;", "&#128;", "&#xD800;", "&#65;",
        "&AMP", "&", "\u{0}", "\u{FEFF}", "]]>", "--!>", "<", ">", "</", "<!", "<?", "</ x>", "=", "\"", "'",
        "\u{0D}\u{0A}", "\u{0D}", "ⓒ 연합뉴스, 무단 전재-재배포 금지", "▶ 관련기사", "[사진]", "☞",
    ]
    static let snippets = [
        "<!DOCTYPE html>", "<!doctype html public \"-//W3C//DTD HTML 4.01//EN\">", "<!DOCTYPE>", "<!-- c -->", "<!-->",
        "<!---->", "<![CDATA[x]]>", "<?xml version=\"1.0\"?>", "<table><tr><td>", "<table><caption>", "</table>",
        "<table><td><table>", "<svg><foreignObject><p>", "<math><mi><svg>", "<math><annotation-xml encoding=\"text/html\"><div>",
        "<svg><desc><b>", "<svg><title>", "<select><option><optgroup>", "<select><select>", "<template><tr>", "</template>",
        "<frameset><frame>", "<plaintext>", "<script><!--<script>", "</script>", "<style>", "<textarea>", "<a href=x><b><i>",
        "</a>", "<b><p>", "</b>", "<font color=red><p>", "<nobr><nobr>", "<form><form>", "</form>", "</p>", "</br>",
        "<li><li>", "<dd><dt>", "<ruby><rt>", "<isindex>", "<image>", "<table><input type=hidden>", "<table>text",
        "<button><button>", "<p><table>", "<svg><clippath>", "<math><mglyph>", "<body><body>", "<html><html>", "</html>",
        "</body>", "<head>", "</head>", "<title>", "</title>", "<noscript>", "<iframe>", "<xmp>", "<listing>\n",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"제목\",\"articleBody\":\"본문\"}</script>",
        "<meta property=og:title content=\"제목\">", "<meta name=author content=\"홍길동\">", "<time datetime=2024-05-01>",
        "<div class=article_body itemprop=articleBody>", "<figure><img src=a.jpg><figcaption>", "<p class=byline>홍길동 기자",
    ]
    static let selectors = [
        "div > p.lead:not(.x), a[href^=http]", "p", "*", "table td", "svg|a", "a b i", "div:has(> p)", "li:nth-child(2n+1)",
        "[class~=article_body] p", "p + p", "p ~ p", "h1, h2, h3", ":root > body", "template", "td:first-child",
        "div:not(div div)", "a[href$=\".jpg\" i]", "script[type=\"application/ld+json\"]", "meta[property^=og]",
        "p:empty", "body *:last-child", "div#x.y", ":is(p, li) > b",
    ]
    static let fragmentContexts: [(String, HTMLNamespace)] = [
        ("body", .html), ("td", .html), ("tr", .html), ("table", .html), ("select", .html), ("template", .html),
        ("title", .html), ("textarea", .html), ("script", .html), ("style", .html), ("plaintext", .html),
        ("svg", .svg), ("foreignObject", .svg), ("math", .mathml), ("annotation-xml", .mathml), ("frameset", .html),
        ("html", .html), ("caption", .html), ("colgroup", .html),
    ]

    /// Runs the program in `input` into `out`. `depth` bounds repeats within repeats.
    static func run(_ input: inout FuzzInput, into out: inout FuzzOutput, depth: Int = 0) {
        var open: [String] = []
        while !input.isExhausted && !out.isFull {
            let op = input.byte()
            switch op % 12 {
            case 0, 1:   // start tag, maybe with attributes
                let name = input.pick(tags)
                out.append(startTag(name, &input))
                open.append(name)
            case 2:      // end tag: the innermost open one, or any name
                if input.bool(), let name = open.popLast() { out.append("</\(name)>") }
                else { out.append("</\(input.pick(tags))>") }
            case 3:
                out.append(input.pick(texts))
            case 4:
                out.append("<\(input.pick(voids))\(input.bool() ? "/" : "")>")
            case 5:
                out.append(input.pick(snippets))
            case 6:      // raw bytes
                out.append(input.chunk(maxLength: 64))
            case 7:      // nest one tag count times, then maybe close them all
                let name = input.pick(tags)
                let count = input.repeatCount()
                let close = input.byte()
                out.append(Array(startTag(name, &input).utf8), times: count)
                if close & 1 == 1 { out.append(Array("</\(name)>".utf8), times: count) }
                if close & 2 == 2 { out.append("<p>x</p><p>y") }
            case 8:      // repeat a sub-program's output
                guard depth < 2 else { continue }
                let count = input.repeatCount()
                var sub = FuzzInput(input.chunk(maxLength: 24))
                var piece = FuzzOutput(limit: 4096)
                run(&sub, into: &piece, depth: depth + 1)
                out.append(piece.bytes, times: count)
            case 9:      // misnested formatting: <a><b><i>…</a>…</b>
                let tagsIn = (0..<(1 + input.int(4))).map { _ in input.pick(["a", "b", "i", "em", "font", "nobr", "s", "u", "strong", "code"]) }
                for t in tagsIn { out.append("<\(t)>") }
                out.append("<\(input.pick(["p", "div", "table", "li", "address", "blockquote"]))>x")
                for t in tagsIn.shuffledBy(&input) { out.append("</\(t)>") }
            case 10:     // text run
                out.append(Array(input.pick(texts).utf8), times: input.repeatCount())
            default:     // comment, doctype or bogus markup with raw content
                let kind = input.pick(["<!--", "<!", "<?", "</", "<!DOCTYPE ", "<![CDATA["])
                out.append(kind)
                out.append(input.chunk(maxLength: 16))
                if input.bool() { out.append(input.pick(["-->", ">", "]]>", "--!>", "\"", "'"])) }
            }
        }
    }

    static func startTag(_ name: String, _ input: inout FuzzInput) -> String {
        var s = "<" + name
        for _ in 0..<input.int(3) {
            s += " " + input.pick(attributes)
            switch input.int(4) {
            case 0: break
            case 1: s += "=" + input.pick(values).replacingOccurrences(of: " ", with: "")
            default: s += "=\"" + input.pick(values).replacingOccurrences(of: "\"", with: "&quot;") + "\""
            }
        }
        return s + ">"
    }
}

extension Array {
    /// A permutation chosen by the input (end tags of misnested formatting in another order).
    func shuffledBy(_ input: inout FuzzInput) -> [Element] {
        var a = self
        if a.count > 1 { for i in stride(from: a.count - 1, to: 0, by: -1) { a.swapAt(i, input.int(i + 1)) } }
        return a
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(Array(UnsafeBufferPointer(start: data, count: size)))
    let mode = input.byte()
    // 1 MiB: room for 200k nested tags.
    let bytes = input.document(generated: mode & 1 == 1) { HTMLProgram.run(&$0, into: &$1) }
    FuzzDebug.dump(bytes)
    let choice = Int(mode >> 1)

    // The parser on its own.
    let document = FuzzDebug.phase("parse") { HTMLParser.parse(bytes) }
    FuzzDebug.phase("tree check") { FuzzCheck.treeIsSound(document) }
    // treeDump's size is nodes × depth (two spaces of indent per level): only for trees that
    // print in a few megabytes, so a slow dump of a huge tree is not reported as a hang.
    let dumpable = document.nodeCount <= 20_000
    let dump = FuzzDebug.phase("treeDump") { dumpable ? document.treeDump() : "" }
    _ = document.title
    _ = document.body?.textContent
    let selector = HTMLProgram.selectors[choice % HTMLProgram.selectors.count]
    FuzzDebug.phase("select") {
        for node in document.select(selector).prefix(50) {
            require(node.isElement, "select(\(selector)) returned a non-element")
            _ = node.attributes
        }
    }
    // Parsing is deterministic.
    if dumpable && bytes.count < 4096 { require(HTMLParser.parse(bytes).treeDump() == dump, "two parses of the same bytes differ") }

    // The parser is the same code below: the fragment and the pipeline parse the page twice
    // more, so a generated page over 256 KiB gets the one parse above (its parse time alone is
    // what -timeout judges; a 1 MiB page of 200k nested tags takes ~4 s under ASan).
    guard bytes.count <= 256 << 10 else { return 0 }

    // A fragment in a context chosen by the mode byte.
    let (context, namespace) = HTMLProgram.fragmentContexts[choice % HTMLProgram.fragmentContexts.count]
    let fragment = FuzzDebug.phase("parseFragment(\(context))") {
        HTMLParser.parseFragment(String(decoding: bytes, as: UTF8.self), context: context, namespace: namespace)
    }
    FuzzCheck.treeIsSound(fragment)
    if fragment.nodeCount <= 20_000 { _ = fragment.treeDump() }

    // The document pipeline: sniff, decode, recognize, blocks, metadata, the generic extractor.
    let options = DocumentOptions(kind: choice & 1 == 0 ? nil : .html)
    if let page = FuzzDebug.phase("Document", { try? Document(page: Page(bytes: bytes, filePath: "fuzz"), options: options) }) {
        if let html = page.html { FuzzCheck.treeIsSound(html) }
        FuzzCheck.validUTF8(page.utf8, "Document's decoded text")
        let blocks = FuzzDebug.phase("blocks") { page.blocks }
        _ = FuzzDebug.phase("metadata") { page.metadata }
        _ = page.hosts
        _ = FuzzDebug.phase("mainContent") { GenericExtractor.mainContent(blocks, document: page) }
        _ = FuzzDebug.phase("extract") { try? GenericExtractor().extract(page) }
    }
    return 0
}
