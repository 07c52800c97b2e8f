import Foundation
import NewsKitCore

/// A bulletin-board post (gnuboard-style boards: post title, 작성자, 작성일, 조회) whose content
/// is a Yonhap story. The board's post is the page (its title, its posting time); Yonhap is the
/// ``Article/origin`` (the story's headline and 송고 time).
public struct YonhapRepostAdapter: LayoutAdapter {
    public let id = "yonhap-repost"
    public let version = "2"
    public let summary = "board posts (gnuboard: 작성자/작성일/조회) reposting a 연합뉴스 story; Yonhap becomes the origin"
    public let layouts = [YonhapRepostAdapter.boardMarkup, YonhapRepostAdapter.boardCapture]

    /// Makes the adapter; it has no settings.
    public init() {}

    static let contentSelector = try! CSSSelector("#bo_v_con, .bo_v_con, #bo_content, .view-content, .board-view-content")

    /// A board page (gnuboard markup) whose post content holds the story.
    static let boardMarkup = board(name: "gnuboard markup", reads: { Post.of($0)?.isMarkup == true })
    /// A capture of a board page: breadcrumb, post title, the 작성자/작성일 line, then the story.
    static let boardCapture = board(name: "board capture", reads: { Post.of($0)?.isMarkup == false })

    /// A board layout: every field from the ``Post`` read once per page.
    static func board(name: String, reads: @escaping @Sendable (Document) -> Bool) -> ArticleLayout {
        ArticleLayout(
            name: name, reads: reads,
            headline: FieldReader { document in Post.of(document).flatMap { $0.title ?? $0.story.headline } },
            subtitles: FieldReader { Post.of($0)?.story.subtitles },
            summary: .absent,
            dates: FieldReader(fallsBack: false) { Post.of($0).map { PublicationDates(published: $0.posted) } },
            authors: .absent,
            content: FieldReader { Post.of($0)?.story.content },
            categories: FieldReader(fallsBack: false) { Post.of($0)?.categories },
            tags: .absent)
    }

    public func source(for document: Document) -> Source {
        Post.of(document)?.source ?? Source(id: "board", name: nil, homepage: nil, kind: .board)
    }

    public func confidence(for document: Document) -> Confidence {
        switch document.kind {
        case .html:
            // The text test first: it is cheaper than a selector over the whole page.
            guard YonhapStory.looksLikeYonhap(document.blocks), let html = document.html,
                  html.root.first(Self.contentSelector) != nil else { return .none }
            return .declaredSite
        case .textCapture:
            guard Post.boardHeader(document.blocks) != nil else { return .none }
            return YonhapStory.looksLikeYonhap(document.blocks) ? .declaredSite : .none
        case .frontMatter:
            return .none
        }
    }

    /// Yonhap is the origin; the post keeps the story's kicker when its own title has none.
    /// - Parameters:
    ///   - article: the article; for a board post it gets ``Article/origin`` (연합뉴스, the story's
    ///     title and sending time), the story's kicker when it has none, and a warning when the
    ///     post shows no posting time.
    ///   - document: the page it was read from.
    ///   - assembled: what the shared rules made of the layout's content (not used).
    public func finish(_ article: inout Article, document: Document, assembled: BlockAssembler.Result?) {
        guard let post = Post.of(document) else { return }
        let story = post.story
        article.origin = Origin(name: "연합뉴스", title: story.split?.title, publishedAt: story.sentAt, url: nil)
        article.kicker = article.kicker ?? story.split?.kicker
        if post.posted == nil { article.warnings.append("the post shows no posting time") }
    }

    /// What a board page says of its post, read once per page: title, posting time, board, and
    /// the story it holds.
    struct Post: Sendable {
        var isMarkup: Bool
        var title: String?
        var posted: Instant?
        var categories: [String] = []
        var story: YonhapStory
        var source: Source

        static func of(_ document: Document) -> Post? {
            document.cached("yonhap-repost.post") { document.html == nil ? capture(document) : markup(document) }
        }

        static let titleSelector = try! CSSSelector("#bo_v_title .bo_v_tit, #bo_v_title, .bo_v_tit, .view-title, .board-view-title")
        static let infoSelector = try! CSSSelector("#bo_v_info, .bo_v_info, .view-info, .board-view-info")
        static let categorySelector = try! CSSSelector("#bo_v_title .bo_v_cate, .bo_v_cate")
        static let storySelector = try! CSSSelector(YonhapAdapter.storyContainer)
        static let deckSelector = try! CSSSelector(YonhapAdapter.deckLines)

        /// The index of the post's info line (`작성자 … 작성일25-08-13 11:06 조회19회`) in a capture.
        static func boardHeader(_ blocks: [Block]) -> Int? {
            for (k, b) in blocks.prefix(40).enumerated() {
                let t = b.text
                if t.has("작성일") && (t.has("작성자") || t.has("조회")) && !KoreanDates.find(in: t).isEmpty { return k }
            }
            return nil
        }

        static func capture(_ document: Document) -> Post? {
            let blocks = document.blocks
            guard let info = boardHeader(blocks) else { return nil }
            // The breadcrumb names the board: "홈 > 소식 > 새소식".
            var categories: [String] = []
            for b in blocks[..<info] where b.text.has(" > ") {
                let parts = b.text.components(separatedBy: " > ").map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count >= 2 { categories = parts.filter { !["홈", "HOME", "Home"].contains($0) && !$0.isEmpty } }
            }
            let chrome: Set<String> = ["페이지 정보", "본문", "게시판", "목록"]
            let title = blocks[..<info].reversed().first { b in
                let t = b.text
                return !(chrome.contains(t) || t == categories.last || categories.contains(t) || t.has(" > ") || Furniture.isFurniture(t))
            }?.text
            let posted = KoreanDates.find(in: blocks[info].text).first { $0.label == "작성일" || $0.role == .published }?.instant
            var start = info + 1
            while start < blocks.count && chrome.contains(blocks[start].text) { start += 1 }
            return Post(isMarkup: false, title: title, posted: posted, categories: categories,
                        story: YonhapStory.read(lines: Array(blocks[start...])),
                        source: Source(id: "board", name: nil, homepage: nil, kind: .board))
        }

        static func markup(_ document: Document) -> Post? {
            guard let html = document.html, let content = html.root.first(YonhapRepostAdapter.contentSelector) else { return nil }
            var title = html.root.first(titleSelector)?.textContent.collapsingWhitespace()
            var categories: [String] = []
            if let cate = html.root.first(categorySelector)?.textContent.collapsingWhitespace(), !cate.isEmpty {
                categories.append(cate)
                if let t = title, t.hasPrefix(cate) { title = String(t.dropFirst(cate.count)).trimmingCharacters(in: .whitespaces) }
            }
            var posted = html.root.first(infoSelector).flatMap { KoreanDates.find(in: $0.textContent.collapsingWhitespace()).first?.instant }
            posted = posted ?? document.metadata.published
            // The post holds a captured story: its lines, without deck elements, read as a capture's.
            var blocks = GenericExtractor.blocks(document.blocks, under: content.first(storySelector) ?? content)
            for node in content.select(deckSelector) {
                let inside = GenericExtractor.blocks(blocks, under: node)
                blocks.removeAll { inside.contains($0) }
            }
            var source = GenericExtractor.source(for: document)
            source.kind = .board
            return Post(isMarkup: true, title: title ?? document.metadata.title, posted: posted, categories: categories,
                        story: YonhapStory.read(lines: blocks), source: source)
        }
    }
}
