import Foundation
import NewsKitHTML

/// Turns the blocks of an article's content area into body, photos, credits and teasers, with
/// the shared Korean rules: furniture is dropped, captions become photos (a repeated line before
/// a caption is the photo's title), a leading dateline and byline are taken apart, e-mail lines
/// and byline lines become author details, lead tags go, and a related-article heading turns
/// what follows into teasers.
///
/// Adapters choose the blocks (their site's content area, or the lines after the header of a
/// text capture) and the site names for lead tags; everything else is common.
public struct BlockAssembler: Sendable {
    /// What the assembler produced.
    public struct Result: Sendable, Hashable {
        /// The body blocks, in reading order: furniture, captions, credits, bylines, e-mail
        /// lines and teasers left out, lead tags and a leading dateline removed.
        public var body: [BodyBlock] = []
        /// The photos, from image blocks and captions, with captions, credits and titles.
        public var images: [ArticleImage] = []
        /// The authors from byline lines and the dateline, each name once, with an e-mail where
        /// the byline gives one or the e-mail lines pair with it (see ``emails``).
        public var authors: [Author] = []
        /// The place of a dateline in the first paragraphs (`모스크바·서울`); nil when none.
        public var dateline: String?
        /// The agency of that dateline (`연합뉴스`); nil when none.
        public var agency: String?
        /// Teasers from related-article blocks, with the block's heading as their section.
        public var related: [Teaser] = []
        /// E-mail addresses from e-mail-only lines, in order.
        public var emails: [String] = []
        /// Notes for the article's warnings (e-mails paired with the byline by position).
        public var warnings: [String] = []
        /// Makes an empty result.
        public init() {}
    }

    /// Site names whose `[name]` lead tag starts paragraphs and teasers (`동포투데이`).
    public var leadTags: [String] = []
    /// Whether the first paragraphs may carry a dateline `(서울=연합뉴스) … =`.
    public var readsDateline = true
    /// Page URL, for resolving relative image and link URLs.
    public var baseURL: URL?

    /// Makes an assembler.
    /// - Parameters:
    ///   - leadTags: site names whose `[name]` lead tag is removed from paragraphs and teasers;
    ///     empty for none.
    ///   - readsDateline: whether the first paragraphs may carry a dateline.
    ///   - baseURL: the page URL relative image and teaser URLs are resolved against; nil leaves
    ///     them as written.
    public init(leadTags: [String] = [], readsDateline: Bool = true, baseURL: URL? = nil) {
        self.leadTags = leadTags
        self.readsDateline = readsDateline
        self.baseURL = baseURL
    }

    /// Assembles the blocks of a content area.
    /// - Parameter blocks: the content area's blocks, in reading order.
    /// - Returns: the body, photos, authors, dateline, teasers, e-mails and warnings found.
    public func assemble(_ blocks: [Block]) -> Result {
        var r = Result()
        var section: String? = nil          // inside a related-article block
        var sectionScope: String? = nil     // the element path that holds it (blocks built with paths)
        var sectionElement: HTMLNode? = nil // the element that holds it (blocks read from a DOM)
        var lastImage: Int? = nil           // index in r.images open for a caption
        var pendingPhotoTitle: String? = nil
        var lastCaption: String? = nil
        var bodyParagraphsSeen = 0
        var inTicker = false                // inside a market widget: short cells follow its heading
        var i = 0
        while i < blocks.count {
            let block = blocks[i]
            let text = block.text
            defer { i += 1 }
            let furniture = Furniture.kind(of: text)

            // A market widget ("오늘의 상승종목", "실시간 암호화폐 시세") runs on in short cells.
            if furniture == .ticker { inTicker = true; continue }
            if inTicker {
                if text.count <= 15 && block.links.isEmpty { continue }
                inTicker = false
            }
            if let title = RelatedBlocks.sectionTitle(text), block.role != .image {
                section = title
                let next = blocks[(i + 1)...].first { !$0.text.isEmpty }
                sectionElement = BlockAssembler.box(ofHeading: block, next: next)
                sectionScope = sectionElement == nil && block.element == nil ? BlockAssembler.scope(ofHeading: block, next: next) : nil
                continue
            }
            if let current = section {
                // In markup the box ends where its element does: the story may go on after it.
                let outside: Bool
                if let box = sectionElement, let e = block.element {
                    outside = !e.isInside(box)
                } else if sectionElement == nil, let scope = sectionScope, !block.path.isEmpty {
                    outside = !block.path.hasPrefix(scope)
                } else {
                    outside = false
                }
                if outside {
                    section = nil
                    sectionScope = nil
                    sectionElement = nil
                } else {
                    if furniture != nil && block.links.isEmpty { continue }
                    addTeaser(block, section: current, to: &r.related)
                    continue
                }
            }
            if block.role == .image, let image = block.image {
                r.images.append(ArticleImage(url: resolve(image.url), caption: nil, credit: nil, title: pendingPhotoTitle))
                pendingPhotoTitle = nil
                lastImage = r.images.count - 1
                continue
            }
            if furniture != nil { continue }

            // A line repeated right before a caption is the photo's title (Yonhap's title + alt text).
            if i + 2 < blocks.count, blocks[i + 1].text == text, blocks[i + 2].role == .caption || Captions.looksLikeCaption(blocks[i + 2].text),
               !Captions.looksLikeCaption(text), text.count <= 80 {
                pendingPhotoTitle = text
                i += 1
                continue
            }
            if block.role == .caption || Captions.looksLikeCaption(text) {
                if text == lastCaption { continue }           // the same caption twice
                lastCaption = text
                let parsed = Captions.parse(text)
                if let li = lastImage, r.images[li].caption == nil && r.images[li].credit == nil {
                    r.images[li].caption = parsed.caption
                    r.images[li].credit = parsed.credit
                    if r.images[li].title == nil { r.images[li].title = pendingPhotoTitle }
                } else if let li = lastImage, r.images[li].credit == nil, let existing = r.images[li].caption,
                          existing.count <= 80, parsed.credit != nil || (parsed.caption?.count ?? 0) > existing.count {
                    // A short caption line followed by the full caption: the first was the photo's title.
                    r.images[li].title = r.images[li].title ?? existing
                    r.images[li].caption = parsed.caption
                    r.images[li].credit = parsed.credit
                } else {
                    r.images.append(ArticleImage(url: nil, caption: parsed.caption, credit: parsed.credit, title: pendingPhotoTitle))
                    lastImage = r.images.count - 1
                }
                pendingPhotoTitle = nil
                continue
            }
            pendingPhotoTitle = nil
            // "사진 출처" | "조선중앙통신": a credit label and its value (a two-cell table, two lines).
            if Captions.isCreditLabel(text) {
                if i + 1 < blocks.count, blocks[i + 1].text.count <= 30, !Captions.isCreditLabel(blocks[i + 1].text) {
                    if let li = lastImage, r.images[li].credit == nil { r.images[li].credit = blocks[i + 1].text }
                    i += 1
                }
                continue
            }
            // A line that is mostly a link (a "see also" line, a menu entry) is not body text.
            if block.linkDensity >= 0.7, !block.links.isEmpty, text.utf8.count < 300, !Emails.isEmailOnlyLine(text),
               Bylines.bylineLine(text) == nil {
                continue
            }
            if Emails.isEmailOnlyLine(text) {
                r.emails.append(contentsOf: Emails.all(in: text))
                continue
            }
            if text.byteCount <= 120, let authors = Bylines.bylineLine(text) {
                mergeAuthors(authors, into: &r.authors)
                continue
            }
            // A broadcast page's credit line (`[취재기자: 홍길동 / 영상편집: 김철수]`) names its
            // reporters; the line stays in the text, as the broadcaster prints it there.
            if text.byteCount <= 200, let authors = BroadcastCredits.authors(inCreditLine: text) {
                mergeAuthors(authors, into: &r.authors)
            }
            // Consecutive duplicate lines (a text capture of a widget rendered twice) keep one copy.
            if i > 0 && blocks[i - 1].text == text && blocks[i - 1].role == block.role { continue }

            var paragraph = text
            if !leadTags.isEmpty {
                paragraph = Bylines.stripLeadTag(paragraph, sites: leadTags).text
            }
            if readsDateline && bodyParagraphsSeen < 3 && r.dateline == nil && r.agency == nil, let d = Bylines.dateline(in: paragraph) {
                r.dateline = d.place
                r.agency = d.agency
                mergeAuthors(d.authors, into: &r.authors)
                paragraph = d.rest
            }
            paragraph = paragraph.trimmingSpaces()
            if paragraph.isEmpty { continue }
            lastImage = nil
            lastCaption = nil
            var kind = kind(of: block.role)
            // Text wrapped in a heading by broken markup reads as sentences: it is a paragraph.
            if kind == .heading && (paragraph.count > 120 || paragraph.hasSuffix("다.")) { kind = .paragraph }
            r.body.append(BodyBlock(kind, paragraph))
            bodyParagraphsSeen += 1
        }
        // A heading with no text after it heads a widget whose items were dropped, not the article.
        while let last = r.body.last, last.kind == .heading { r.body.removeLast() }
        // Broadcast scripts name their reporter in the text: the anchor's lead-in (`… 기자의
        // 보도입니다`) and the reporter's sign-off (`연합뉴스TV 이준삼입니다`) stay in the body.
        for p in r.body where p.kind == .paragraph || p.kind == .quote {
            let named = BroadcastCredits.signOffs(in: p.text)
            if !named.isEmpty { mergeAuthors(named, into: &r.authors) }
        }
        pairEmails(&r)
        return r
    }

    /// The element of the box a related-article heading opens: its parent, or its grandparent
    /// when the teasers sit beside a wrapper of the heading. Nil when the blocks were not read
    /// from a DOM, or when the next block is in neither.
    static func box(ofHeading heading: Block, next: Block?) -> HTMLNode? {
        guard let h = heading.element, let n = next?.element else { return nil }
        var a = h.parent
        for _ in 0..<2 {
            guard let candidate = a, candidate.isElement else { return nil }
            if n.isInside(candidate) { return candidate }
            a = candidate.parent
        }
        return nil
    }

    /// The element path (with a trailing `>`) of the box a related-article heading opens: its
    /// parent, or its grandparent when the teasers sit beside a wrapper of the heading. Nil for
    /// text lines, or when the next block is in neither.
    static func scope(ofHeading heading: Block, next: Block?) -> String? {
        guard !heading.path.isEmpty, let next, !next.path.isEmpty else { return nil }
        var parts = heading.path.split(separator: ">", omittingEmptySubsequences: false)
        for _ in 0..<2 {
            guard parts.count > 1 else { return nil }
            parts.removeLast()
            let prefix = parts.joined(separator: ">") + ">"
            if next.path.hasPrefix(prefix) { return prefix }
        }
        return nil
    }

    func kind(of role: Block.Role) -> BodyBlock.Kind {
        switch role {
        case .heading: return .heading
        case .quote: return .quote
        case .listItem: return .listItem
        case .tableCell: return .table
        default: return .paragraph
        }
    }

    /// A link made absolute against the page, without the spaces and line breaks markup leaves
    /// around an `href`; nil for an empty one or one that goes nowhere (`#`, `javascript:`).
    func resolve(_ url: String?) -> String? {
        guard let raw = url?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
        let lower = raw.lowercased()
        if raw.hasPrefix("#") || lower.hasPrefix("javascript:") || lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") { return nil }
        if let base = baseURL, let abs = URL(string: raw, relativeTo: base) { return abs.absoluteString }
        return raw
    }

    func mergeAuthors(_ new: [Author], into authors: inout [Author]) {
        for a in new {
            if let k = authors.firstIndex(where: { $0.name == a.name }) {
                if authors[k].email == nil { authors[k].email = a.email }
                if authors[k].role == nil { authors[k].role = a.role }
            } else {
                authors.append(a)
            }
        }
    }

    /// E-mail lines at the end give the authors' addresses in byline order; they are paired by
    /// position only when the counts agree, and the pairing is noted.
    func pairEmails(_ r: inout Result) {
        let unpaired = r.emails.filter { e in !r.authors.contains { $0.email == e } }
        let waiting = r.authors.indices.filter { r.authors[$0].email == nil }
        guard !unpaired.isEmpty, !waiting.isEmpty else { return }
        if unpaired.count == waiting.count {
            for (k, idx) in waiting.enumerated() { r.authors[idx].email = unpaired[k] }
            if waiting.count > 1 { r.warnings.append("author e-mails paired with the byline by position") }
        }
    }

    /// Teasers: a linked block is a teaser (its link text the title); in text captures a short
    /// line is a title and a long line the summary of the teaser before it (or a teaser of its own).
    func addTeaser(_ block: Block, section: String, to related: inout [Teaser]) {
        var text = block.text.trimmingSpaces()
        if text == "-" || text == "·" || text.isEmpty { return }
        if text.hasSuffix(" -") { text = String(text.dropLast(2)).trimmingSpaces() }
        if text.hasPrefix("- ") { text = String(text.dropFirst(2)) }
        if let link = block.links.first(where: { !$0.text.isEmpty }) {
            var summary: String? = nil
            if text.count > link.text.count + 10 {
                summary = text.replacingOccurrences(of: link.text, with: "").trimmingSpaces()
            }
            // A teaser links to another article: a menu entry (`정치`, `SBS 뉴스`), a control
            // (`페이지 최상단으로 가기`) or a link that goes nowhere is the site's furniture.
            guard summary != nil || BlockAssembler.readsAsHeadline(link.text), !Furniture.isFurniture(link.text),
                  let url = resolve(link.url), BlockAssembler.looksLikeArticleURL(url) else { return }
            guard related.count < BlockAssembler.maximumTeasers else { return }
            related.append(Teaser(title: link.text, summary: summary.map(cleanTeaserSummary), url: url, section: section))
            return
        }
        let isSummary = text.count > 90 || text.hasSuffix("...") || text.hasSuffix("…") || text.hasSuffix("다.")
        if isSummary {
            if let last = related.indices.last, related[last].summary == nil, related[last].section == section {
                related[last].summary = cleanTeaserSummary(text)
            } else {
                related.append(Teaser(title: nil, summary: cleanTeaserSummary(text), url: nil, section: section))
            }
        } else {
            related.append(Teaser(title: text, summary: nil, url: nil, section: section))
        }
    }

    /// Teasers kept per page at most: related-article boxes list a few dozen at most; more is a
    /// site's whole navigation read as teasers.
    static let maximumTeasers = 40

    /// Whether a link's text is long enough to be a headline rather than a menu entry (`정치`,
    /// `SBS 뉴스`, `비디오머그`): six letters or more (Hangul syllables, Latin letters and digits alike).
    static func readsAsHeadline(_ text: String) -> Bool { TextSearch.letterCount(text) >= 6 }

    /// Whether a URL is shaped like an article's rather than a section's or a list's: articles
    /// carry an id or a date, a run of four digits or more (`/view/AKR20250813000100504`,
    /// `articleView.html?idxno=46188`, `/2025/08/13/…`) or a last path segment that is a number
    /// (`/news/17`), where `/national/politics`, `/k-biz/stocks` or `/index` carry none.
    static func looksLikeArticleURL(_ url: String) -> Bool {
        var run = 0
        for b in url.utf8 {
            if b >= 0x30 && b <= 0x39 { run += 1; if run >= 4 { return true } } else { run = 0 }   // 0-9
        }
        guard let last = URL(string: url)?.path.split(separator: "/").last else { return false }
        return last.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A teaser summary without a leading photo caption or lead tag.
    func cleanTeaserSummary(_ s: String) -> String {
        var t = s
        for tag in leadTags {
            for open in ["[", "【"] {
                let close = open == "[" ? "]" : "】"
                if let r = t.range(of: open + tag + close), t.distance(from: t.startIndex, to: r.lowerBound) <= 160 {
                    t = String(t[r.upperBound...])
                }
            }
        }
        return t.trimmingSpaces()
    }
}
