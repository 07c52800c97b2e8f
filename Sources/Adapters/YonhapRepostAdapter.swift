import Foundation
import NewsKitCore

/// A bulletin-board post (gnuboard-style boards: post title, 작성자, 작성일, 조회) whose content
/// is a Yonhap story. The board's post is the page (its title, its posting time); Yonhap is the
/// ``Article/origin`` (the story's headline and 송고 time).
public struct YonhapRepostAdapter: SiteAdapter {
    public let id = "yonhap-repost"
    public let version = "1"
    public let summary = "board posts (gnuboard: 작성자/작성일/조회) reposting a 연합뉴스 story; Yonhap becomes the origin"

    public init() {}

    static let titleSelector = try! CSSSelector("#bo_v_title .bo_v_tit, #bo_v_title, .bo_v_tit, .view-title, .board-view-title")
    static let infoSelector = try! CSSSelector("#bo_v_info, .bo_v_info, .view-info, .board-view-info")
    static let contentSelector = try! CSSSelector("#bo_v_con, .bo_v_con, #bo_content, .view-content, .board-view-content")
    static let categorySelector = try! CSSSelector("#bo_v_title .bo_v_cate, .bo_v_cate")

    public func confidence(for document: Document) -> Double {
        switch document.kind {
        case .html:
            // The text test first: it is cheaper than a selector over the whole page.
            guard YonhapStory.looksLikeYonhap(document.blocks), let html = document.html,
                  html.root.first(Self.contentSelector) != nil else { return 0 }
            return 0.95
        case .textCapture:
            let blocks = document.blocks
            guard Self.boardHeader(blocks) != nil else { return 0 }
            return YonhapStory.looksLikeYonhap(blocks) ? 0.95 : 0
        case .frontMatter:
            return 0
        }
    }

    /// The index of the post's info line (`작성자 … 작성일25-08-13 11:06 조회19회`) in a capture.
    static func boardHeader(_ blocks: [Block]) -> Int? {
        for (k, b) in blocks.prefix(40).enumerated() {
            let t = b.text
            if t.has("작성일") && (t.has("작성자") || t.has("조회")) && !KoreanDates.find(in: t).isEmpty { return k }
        }
        return nil
    }

    public func extract(_ document: Document) throws(ExtractionError) -> Article {
        switch document.kind {
        case .html: return try extractHTML(document)
        default: return try extractText(document)
        }
    }

    func extractText(_ document: Document) throws(ExtractionError) -> Article {
        let blocks = document.blocks
        guard let info = Self.boardHeader(blocks) else {
            throw ExtractionError(.notAnArticle, input: document.page.name, adapter: id, "no board post header (작성자/작성일) found")
        }
        // The breadcrumb names the board: "홈 > 소식 > 새소식".
        var categories: [String] = []
        for b in blocks[..<info] where b.text.has(" > ") {
            let parts = b.text.components(separatedBy: " > ").map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count >= 2 { categories = parts.filter { !["홈", "HOME", "Home"].contains($0) && !$0.isEmpty } }
        }
        let boardName = categories.last
        let chrome: Set<String> = ["페이지 정보", "본문", "게시판", "목록"]
        var postTitle: String? = nil
        for b in blocks[..<info].reversed() {
            let t = b.text
            if chrome.contains(t) || t == boardName || categories.contains(t) || t.has(" > ") || Furniture.isFurniture(t) { continue }
            postTitle = t
            break
        }
        let posted = KoreanDates.find(in: blocks[info].text).first { $0.label == "작성일" || $0.role == .published }?.instant
        var start = info + 1
        while start < blocks.count && chrome.contains(blocks[start].text) { start += 1 }
        let story = YonhapStory.read(lines: Array(blocks[start...]))
        return try makeArticle(document, postTitle: postTitle, posted: posted, categories: categories, story: story,
                               source: Source(id: "board", name: nil, homepage: nil, kind: .board))
    }

    func extractHTML(_ document: Document) throws(ExtractionError) -> Article {
        guard let html = document.html, let content = html.root.first(Self.contentSelector) else {
            throw ExtractionError(.notAnArticle, input: document.page.name, adapter: id, "no board post content (#bo_v_con) found")
        }
        let titleNode = html.root.first(Self.titleSelector)
        var postTitle = titleNode?.textContent.collapsingWhitespace()
        var categories: [String] = []
        if let cate = html.root.first(Self.categorySelector)?.textContent.collapsingWhitespace(), !cate.isEmpty {
            categories.append(cate)
            if let t = postTitle, t.hasPrefix(cate) { postTitle = String(t.dropFirst(cate.count)).trimmingCharacters(in: .whitespaces) }
        }
        var posted: Instant? = nil
        if let info = html.root.first(Self.infoSelector)?.textContent.collapsingWhitespace() {
            posted = KoreanDates.find(in: info).first?.instant
        }
        posted = posted ?? document.metadata.published
        let story = YonhapStory.read(document: document, scope: content)
        var source = GenericExtractor.source(for: document)
        source.kind = .board
        return try makeArticle(document, postTitle: postTitle ?? document.metadata.title, posted: posted, categories: categories,
                               story: story, source: source)
    }

    func makeArticle(_ document: Document, postTitle: String?, posted: Instant?, categories: [String], story: YonhapStory,
                     source: Source) throws(ExtractionError) -> Article {
        guard !story.assembled.body.isEmpty else {
            throw ExtractionError(.noContent, input: document.page.name, adapter: id, "the post holds no story text")
        }
        let split = postTitle.map(Headlines.splitKicker)
        let origin = Origin(name: "연합뉴스", title: story.title, publishedAt: story.sentAt, url: nil)
        var warnings = story.assembled.warnings
        if posted == nil { warnings.append("the post shows no posting time") }
        return Article(source: source, origin: origin, kicker: split?.kicker ?? story.kicker, title: split?.title ?? story.title,
                       subtitles: story.subtitles, body: story.assembled.body, authors: story.assembled.authors,
                       dateline: story.assembled.dateline, agency: story.assembled.agency, publishedAt: posted,
                       images: story.assembled.images, categories: categories, related: story.assembled.related,
                       warnings: warnings)
    }
}
