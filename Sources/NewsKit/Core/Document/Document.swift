import Foundation
import NewsKitHTML

/// A page decoded once: its encoding decision, its kind, and its parsed form (an HTML DOM,
/// the lines of a text capture, or front matter plus body). Every kind reads as ``blocks``.
///
/// ```swift
/// let document = try Document(page: try Page.read(path: "article.html"))
/// print(document.encoding)   // "UTF-8 (override): declared euc-kr in a <meta> tag, but the bytes are valid UTF-8 …"
/// for block in document.blocks where block.role == .paragraph { print(block.text) }
/// ```
public final class Document: Sendable {
    /// The page the document was read from.
    public let page: Page
    /// How the bytes were decoded, and why.
    public let encoding: EncodingDecision
    /// What the page holds (HTML, a text capture, front matter), recognized or as forced by ``DocumentOptions/kind``.
    public let kind: DocumentKind
    /// The decoded text as UTF-8 (BOM removed).
    let utf8: [UInt8]
    /// The DOM, for HTML pages and for front-matter files with an HTML body.
    public let html: HTMLDocument?
    /// The front matter, for ``DocumentKind/frontMatter`` files.
    public let frontMatter: FrontMatter?
    /// The Markdown body of a front-matter file whose body is not HTML.
    public let markdownBody: String?
    private let lazyBlocks = LazyValue<[Block]>()
    private let lazyMetadata = LazyValue<PageMetadata>()
    private let lazyHosts = LazyValue<[String]>()
    private let lazyEmbedded = LazyValue<EmbeddedArticle?>()
    private let memo = DocumentMemo()

    /// Decodes and recognizes a page.
    /// - Parameters:
    ///   - page: the bytes and what came with them (headers, URL, path); its `Content-Type`
    ///     charset is weighed in the encoding decision.
    ///   - options: the size limit and, if forced, the kind.
    /// - Throws: ``InputError`` naming the page when it is empty, binary, or too large.
    public init(page: Page, options: DocumentOptions = DocumentOptions()) throws(InputError) {
        self.page = page
        let bytes = page.bytes
        if bytes.count > options.maximumBytes {
            throw InputError(.tooLarge, input: page.name, "\(bytes.count) bytes is over the limit of \(options.maximumBytes)")
        }
        if bytes.isEmpty { throw InputError(.empty, input: page.name, "the input is empty (0 bytes)") }
        let scan = UTF8Repair.scan(bytes)
        var (decision, bomLength) = EncodingSniffer.decide(bytes, contentType: page.header("Content-Type"), scan: scan)
        if decision.source != .byteOrderMark, decision.encoding != .utf16LE, decision.encoding != .utf16BE,
           let what = Document.binarySignature(bytes) {
            throw InputError(.binary, input: page.name, "the input is binary data (\(what)), not a text document")
        }
        let body = bomLength > 0 ? Array(bytes[bomLength...]) : bytes
        let (decoded, replacements) = TextDecoder.decode(body, as: decision.encoding, knownValidUTF8: bomLength == 0 && scan.valid)
        decision.replacements = replacements
        if decoded.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0x0C }) {
            throw InputError(.empty, input: page.name, "the input holds only whitespace")
        }
        encoding = decision
        utf8 = decoded
        let kind = options.kind ?? Document.recognize(decoded, page: page)
        self.kind = kind
        switch kind {
        case .html:
            html = HTMLParser.parse(validatedUTF8: decoded)
            frontMatter = nil
            markdownBody = nil
        case .textCapture:
            html = nil
            frontMatter = nil
            markdownBody = nil
        case .frontMatter:
            let text = String(decoding: decoded, as: UTF8.self)
            if let (fm, bodyText) = FrontMatter.split(text) {
                frontMatter = fm
                if Document.looksLikeHTML(Array(bodyText.utf8)) {
                    html = HTMLParser.parse(validatedUTF8: Array(bodyText.utf8))
                    markdownBody = nil
                } else {
                    html = nil
                    markdownBody = String(bodyText)
                }
            } else {
                frontMatter = FrontMatter(entries: [])
                html = nil
                markdownBody = text
            }
        }
    }

    /// The decoded text.
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    /// The document in reading order as blocks (computed once, on first use).
    public var blocks: [Block] {
        lazyBlocks.get {
            if let html { return HTMLBlockReader.blocks(of: html) }
            if let markdownBody { return MarkdownBlocks.blocks(of: Substring(markdownBody)) }
            return TextCaptureBlocks.blocks(of: utf8)
        }
    }

    /// What an HTML page (or the HTML body of a front-matter file) says about itself: JSON-LD,
    /// OpenGraph, meta tags (computed once, on first use; empty for other kinds).
    public var metadata: PageMetadata {
        lazyMetadata.get { html.map(PageMetadata.init) ?? PageMetadata() }
    }

    /// The hosts the page is known by, lowercased: its final URL's, the requested URL's and its
    /// canonical URL's (computed once; adapters match their sites against them).
    public var hosts: [String] {
        lazyHosts.get {
            var out: [String] = []
            var candidates = [page.url?.host, page.requestedURL?.host]
            if html != nil, let canonical = metadata.canonicalURL { candidates.append(URL(string: canonical)?.host) }
            for h in candidates.compactMap({ $0?.lowercased() }) where !out.contains(h) { out.append(h) }
            return out
        }
    }

    /// The URL relative links on the page resolve against: where the page was fetched from, or
    /// for a saved page, the canonical URL the page gives itself (`<link rel=canonical>`,
    /// `og:url`); nil when neither is known.
    public var baseURL: URL? {
        if let url = page.url { return url }
        guard html != nil, let canonical = metadata.canonicalURL?.trimmingCharacters(in: .whitespaces),
              let url = URL(string: canonical), url.scheme == "http" || url.scheme == "https" else { return nil }
        return url
    }

    /// The article as data in one of the page's scripts (a JSON-LD or app-state object), or nil
    /// (read once, on first use: it costs a JSON parse, so readers ask only when they need it).
    public var embeddedArticle: EmbeddedArticle? {
        lazyEmbedded.get { html.flatMap { EmbeddedArticle.find(in: $0) } }
    }

    /// ``embeddedArticle`` if something has read it already, else nil without reading it.
    var embeddedArticleIfRead: EmbeddedArticle? { lazyEmbedded.peek() ?? nil }

    /// A value computed once per document and shared by every reader of the page, such as a
    /// site's parse of its header lines that several field readers use.
    ///
    /// ```swift
    /// let header = document.cached("etoday.captureHeader") { CaptureHeader(document.blocks) }
    /// ```
    /// - Parameters:
    ///   - key: names the value; use a prefix of your own (the adapter id) so readers do not collide.
    ///   - make: computes the value the first time the key is asked for.
    /// - Returns: the value stored under `key` (made by `make` the first time).
    public func cached<Value: Sendable>(_ key: String, _ make: () -> Value) -> Value {
        memo.value(key, make)
    }

    // MARK: Recognition

    /// Recognizes the kind from the decoded text and the page's provenance.
    static func recognize(_ text: [UInt8], page: Page) -> DocumentKind {
        var i = 0
        while i < text.count && (text[i] == 0x20 || text[i] == 0x0A || text[i] == 0x0D || text[i] == 0x09) { i += 1 }
        let head = text[i..<min(text.count, i + 4)]
        if head.starts(with: "---".utf8) || head.starts(with: "+++".utf8) {
            if FrontMatter.split(String(decoding: text, as: UTF8.self)) != nil { return .frontMatter }
        }
        if let contentType = page.header("Content-Type")?.lowercased() {
            if contentType.contains("html") || contentType.contains("xml") { return .html }
            if contentType.hasPrefix("text/plain") { return .textCapture }
        }
        return looksLikeHTML(text) ? .html : .textCapture
    }

    /// Whether text reads as markup: it opens with a tag, doctype or comment, or carries
    /// several well-known tags early on. Text captures of pages carry none.
    static func looksLikeHTML(_ text: [UInt8]) -> Bool {
        let sample = text.prefix(8192)
        var i = sample.startIndex
        while i < sample.endIndex && (sample[i] == 0x20 || sample[i] == 0x0A || sample[i] == 0x0D || sample[i] == 0x09) { i += 1 }
        let lowered = String(decoding: sample[i..<min(sample.endIndex, i + 16)], as: UTF8.self).lowercased()
        for opener in ["<!doctype", "<html", "<head", "<body", "<?xml", "<!--", "<meta", "<title", "<div", "<p>", "<p ", "<table", "<script", "<link", "<section", "<article", "<h1", "<h2", "<ul", "<img"] where lowered.hasPrefix(opener) {
            return true
        }
        var tags = 0
        let known: Set<String> = ["p", "div", "span", "a", "br", "img", "li", "ul", "table", "td", "tr", "h1", "h2", "h3", "h4", "strong", "b", "em", "section", "article", "figure", "script", "meta", "link", "body", "html"]
        var k = sample.startIndex
        while k < sample.endIndex {
            if sample[k] == 0x3C {
                var j = k + 1
                if j < sample.endIndex && sample[j] == 0x2F { j += 1 }
                var name: [UInt8] = []
                while j < sample.endIndex && name.count < 12, (sample[j] | 0x20) >= 0x61 && (sample[j] | 0x20) <= 0x7A || (sample[j] >= 0x30 && sample[j] <= 0x39) {
                    name.append(sample[j] | 0x20); j += 1
                }
                if j < sample.endIndex, sample[j] == 0x3E || sample[j] == 0x20 || sample[j] == 0x2F, known.contains(String(decoding: name, as: UTF8.self)) {
                    tags += 1
                    if tags >= 3 { return true }
                }
            }
            k += 1
        }
        return false
    }

    /// A short description when the bytes are clearly binary (a file signature, or NUL and
    /// control bytes in the first 4 KiB), else nil.
    static func binarySignature(_ bytes: [UInt8]) -> String? {
        let signatures: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "PNG image"), ([0xFF, 0xD8, 0xFF], "JPEG image"), ([0x47, 0x49, 0x46, 0x38], "GIF image"),
            ([0x25, 0x50, 0x44, 0x46], "PDF"), ([0x50, 0x4B, 0x03, 0x04], "ZIP archive"), ([0x1F, 0x8B], "gzip data"),
            ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"), ([0x52, 0x49, 0x46, 0x46], "RIFF media"),
            ([0x28, 0xB5, 0x2F, 0xFD], "zstd data"), ([0x42, 0x5A, 0x68], "bzip2 data"),
        ]
        for (magic, name) in signatures where bytes.starts(with: magic) { return name }
        let sample = bytes.prefix(4096)
        var control = 0
        for b in sample where b == 0 || (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B) { control += 1 }
        if control * 10 > sample.count { return "\(control) control bytes in the first \(sample.count)" }
        return nil
    }
}
