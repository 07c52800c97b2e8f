import Foundation
import NewsKitCore

/// Reads a Yonhap (yna.co.kr) story, from the site's markup or from a plain-text capture of it.
/// Shared by ``YonhapAdapter`` and ``YonhapRepostAdapter``, whose boards carry whole Yonhap stories.
///
/// A story reads: headline (with Yonhap's `(종합)` label), `송고 2025년08월13일 08시00분`, deck lines,
/// photos (title line, caption with the photo desk's notice), the dateline paragraph
/// `(모스크바·서울=연합뉴스) 최인영 특파원 박수윤 기자 = …`, body, reporters' e-mails.
struct YonhapStory: Sendable {
    /// The headline as shown, kicker included.
    var headline: String?
    var subtitles: [String] = []
    var sentAt: Instant?
    var updatedAt: Instant?
    /// The story's lines after its header: photos, dateline, body, e-mails, teasers.
    var content: [Block] = []

    static let agencyNames = ["연합뉴스"]

    /// The headline's kicker and title.
    var split: (kicker: String?, title: String)? { headline.map(Headlines.splitKicker) }

    /// Whether a text reads as Yonhap's: a `송고` time line, or a `(…=연합뉴스)` dateline paragraph.
    static func looksLikeYonhap(_ blocks: [Block]) -> Bool {
        for b in blocks.prefix(80) {
            if isSentLine(b.text) { return true }
            if let d = Bylines.dateline(in: b.text), d.agency == "연합뉴스", !d.authors.isEmpty { return true }
        }
        return false
    }

    /// `송고 2025년08월13일 08시00분` (also `송고시간2025-08-13 08:00`).
    static func isSentLine(_ text: String) -> Bool {
        (text.hasBytePrefix("송고") || text.hasBytePrefix("[송고")) && text.utf8.count <= 180 && text.count <= 60 && !KoreanDates.find(in: text).isEmpty
    }

    // MARK: Text captures

    /// Reads the lines of a captured story (everything from its headline on).
    static func read(lines: [Block]) -> YonhapStory {
        var story = YonhapStory()
        var rest = lines
        if let s = rest.firstIndex(where: { isSentLine($0.text) }) {
            let sent = KoreanDates.publishedAndUpdated(in: rest[s].text)
            story.sentAt = sent.published
            story.updatedAt = sent.updated
            // The headline is the nearest line above the time that is not furniture.
            story.headline = rest[..<s].last(where: { !Furniture.isFurniture($0.text) })?.text
            rest = Array(rest[(s + 1)...])
        } else if let first = rest.first, first.text.count <= 120, Bylines.dateline(in: first.text) == nil {
            story.headline = first.text
            rest.removeFirst()
        }
        // Deck lines: short lines before the first photo or dateline paragraph.
        var k = 0
        while k < rest.count {
            let t = rest[k].text
            if Furniture.isFurniture(t) { k += 1; continue }
            let photoTitle = k + 1 < rest.count && rest[k + 1].text == t
            if photoTitle || Captions.looksLikeCaption(t) || Bylines.dateline(in: t) != nil || t.count > 120 || t.hasSuffix("다.") { break }
            story.subtitles.append(t)
            k += 1
        }
        rest.removeFirst(k)
        story.content = rest
        return story
    }

    /// The captured story of a text document, read once per document.
    static func captured(_ document: Document) -> YonhapStory {
        document.cached("yonhap.capturedStory") { read(lines: document.blocks) }
    }
}
