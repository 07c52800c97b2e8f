// libFuzzer target `listing`: feeds and sitemaps (`FeedXML.parse`, `ListingReader.read`).
//
// Input layout. First byte: bit 0 set means the rest is a program that writes XML (see
// `ListingProgram`), clear means the rest is the document, raw; bit 1 gzips the document
// (ListingReader inflates `sitemap.xml.gz` bodies), bit 2 then cuts the gzip data short; bits
// 3-4 choose the base URL. The program's operations open and close feed and sitemap elements
// (rss, atom, urlset, sitemapindex, news:), leave tags unclosed, write unmatched end tags,
// CDATA, entities and comments, and repeat any of it up to ~100k times.
// Built by scripts/fuzz.sh listing; see docs/fuzzing.md.

import Foundation
@testable import NewsKitHTML
@testable import NewsKitCore
@testable import NewsKitFetching

enum ListingProgram {
    static let elements = [
        "rss", "channel", "item", "title", "link", "guid", "pubDate", "dc:date", "description", "category",
        "content:encoded", "author", "dc:creator", "rdf:RDF", "feed", "entry", "id", "published", "updated", "summary",
        "content", "urlset", "url", "loc", "lastmod", "changefreq", "priority", "sitemapindex", "sitemap", "news:news",
        "news:publication", "news:name", "news:language", "news:publication_date", "news:title", "news:keywords",
        "image:image", "image:loc", "xhtml:link", "a", "NEWS:TITLE", "Item", "",
    ]
    static let attributes = [
        "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"", "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"",
        "xmlns=\"http://www.w3.org/2005/Atom\"", "version=\"2.0\"", "rel=\"alternate\"", "rel=\"self\"", "rel=alternate",
        "href=\"https://news.example.com/a/1\"", "href=\"/relative/2\"", "href=''", "href=\"&amp;x\"", "isPermaLink=\"false\"",
        "isPermaLink=\"true\"", "type=\"text/html\"", "href", "=\"x\"", "a=b", "a=\"unterminated", "a='>'", "x=\"<\"",
    ]
    static let texts = [
        "https://news.example.com/article/2024/05/01/1", "http://www.yna.co.kr/view/AKR20240501000100001", "/relative/path",
        "  https://e.x/padded  ", "", " ", "\n", "2024-05-01T09:00:00+09:00", "2024-05-01", "Wed, 01 May 2024 09:00:00 +0900",
        "Wed, 01 May 2024 09:00:00 GMT", "2024.05.01 09:00", "2024년 5월 1일", "9999-99-99T99:99:99Z", "-0001-01-01",
        "제목 &amp; 부제", "&lt;b&gt;", "&#x110000;", "&#0;", "&#55296;", "&nbsp;", "&bogus;", "&", "&#", "&#x;", "&amp",
        "연합뉴스", "]]>", "<", ">", "</", "\u{0}", "\u{FEFF}", "javascript:alert(1)", "https://[::1", "http://%zz",
    ]
    static let snippets = [
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml", "<!DOCTYPE rss>", "<!-- comment -->", "<!--", "-->",
        "<![CDATA[", "]]>", "<![CDATA[https://e.x/cdata]]>", "<![CDATA[<b>제목</b>]]>",
        "<rss version=\"2.0\"><channel><item><link>https://e.x/1</link></item>",
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><link href=\"https://e.x/2\"/></entry>",
        "<urlset><url><loc>https://e.x/3</loc><news:news><news:publication_date>2024-05-01</news:publication_date></news:news></url>",
        "<sitemapindex><sitemap><loc>https://e.x/sitemap-1.xml</loc></sitemap>", "</urlset>", "</rss>", "</feed>",
        "<item/>", "<link/>", "< item>", "<item", "</item", "</ >", "<>", "</>", "<a b='c'/>", "<!>", "<?>",
    ]

    static func run(_ input: inout FuzzInput, into out: inout FuzzOutput, depth: Int = 0) {
        var open: [String] = []
        while !input.isExhausted && !out.isFull {
            switch input.byte() % 10 {
            case 0, 1:
                let name = input.pick(elements)
                out.append(startTag(name, &input, selfClosing: false))
                open.append(name)
            case 2:   // end tag: the innermost open element, or any name (unmatched)
                if input.bool(), let name = open.popLast() { out.append("</\(name)>") }
                else { out.append("</\(input.pick(elements))\(input.pick(["", " ", "\n"]))>") }
            case 3:
                out.append(input.pick(texts))
            case 4:
                out.append(input.pick(snippets))
            case 5:
                out.append(startTag(input.pick(elements), &input, selfClosing: true))
            case 6:   // nest one element count times (unclosed), or as many unmatched end tags
                let name = input.pick(elements)
                let count = input.repeatCount()
                switch input.int(3) {
                case 0: out.append(Array("<\(name)>".utf8), times: count)
                case 1: out.append(Array("</\(name)>".utf8), times: count)
                default:
                    out.append(Array("<\(name)>".utf8), times: count)
                    out.append(Array("</\(name)>".utf8), times: count)
                }
            case 7:   // repeat a sub-program's output
                guard depth < 2 else { continue }
                let count = input.repeatCount()
                var sub = FuzzInput(input.chunk(maxLength: 24))
                var piece = FuzzOutput(limit: 4096)
                run(&sub, into: &piece, depth: depth + 1)
                out.append(piece.bytes, times: count)
            case 8:
                out.append(input.chunk(maxLength: 64))
            default:  // CDATA or a comment around raw bytes, maybe unterminated
                let cdata = input.bool()
                out.append(cdata ? "<![CDATA[" : "<!--")
                out.append(input.chunk(maxLength: 32))
                if input.bool() { out.append(cdata ? "]]>" : "-->") }
            }
        }
    }

    static func startTag(_ name: String, _ input: inout FuzzInput, selfClosing: Bool) -> String {
        var s = "<" + name
        for _ in 0..<input.int(3) { s += input.pick([" ", "\n", "\t", ""]) + input.pick(attributes) }
        return s + (selfClosing ? "/>" : ">")
    }

    static let baseURLs: [URL?] = [nil, URL(string: "https://news.example.com/sitemaps/index.xml"),
                                   URL(string: "http://e.x"), URL(string: "file:///tmp/feed.xml")]
}

/// Elements in the tree, counted without recursion (a deep tree must not overflow the stack here).
func elementCount(_ root: FeedXML.Element) -> Int {
    var n = 0
    var stack: [FeedXML.Element] = [root]
    while let e = stack.popLast() {
        n += 1
        stack.append(contentsOf: e.children)
    }
    return n
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzListing(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(Array(UnsafeBufferPointer(start: data, count: size)))
    let flags = input.byte()
    var bytes = input.document(generated: flags & 1 == 1) { ListingProgram.run(&$0, into: &$1) }
    let plain = bytes
    FuzzDebug.dump(plain)
    if flags & 2 == 2 {
        bytes = Gzip.compress(bytes)
        require(Gzip.decompress(bytes) == plain, "gzip round trip changed the bytes")
        if flags & 4 == 4, bytes.count > 2 { bytes = Array(bytes.prefix(2 + Int(flags) * 7 % (bytes.count - 1))) }
    }
    let baseURL = ListingProgram.baseURLs[Int(flags >> 3) % ListingProgram.baseURLs.count]

    // The tree: a synthetic #document root; every element comes from one '<' of the input.
    let root = FeedXML.parse(plain)
    require(root.name == "#document", "the root is \(root.name)")
    let opens = plain.reduce(0) { $0 + ($1 == 0x3C ? 1 : 0) }
    let count = elementCount(root)
    require(count <= opens + 1, "\(count) elements from \(opens) '<'")
    _ = root.descendants("item").count
    _ = root.descendants("loc").count

    // What the reader parses: the bytes, inflated when they are gzip (also when raw input is).
    let readable = Gzip.isGzip(bytes[...]) ? (Gzip.decompress(bytes, limit: 64 << 20) ?? []) : bytes
    let readableOpens = readable.reduce(0) { $0 + ($1 == 0x3C ? 1 : 0) }
    switch ListingReader.read(bytes, baseURL: baseURL) {
    case .articles(let urls):
        require(urls.count <= readableOpens, "\(urls.count) articles from \(readableOpens) '<'")
        for u in urls { _ = URLCanonicalizer.canonical(u.url) }
    case .sitemaps(let more):
        require(more.count <= readableOpens, "\(more.count) sitemaps from \(readableOpens) '<'")
    case .unknown:
        break
    }
    return 0
}
