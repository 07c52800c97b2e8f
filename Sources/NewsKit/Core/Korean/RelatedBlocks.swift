import Foundation

/// Related-article blocks (`관련 기사`, `BEST 뉴스`, `실시간뉴스`, `주요 뉴스` …): their headings
/// start a run of teasers, which are not body.
public enum RelatedBlocks {
    static let headings: [String] = [
        "관련 기사", "관련기사", "관련 뉴스", "관련뉴스", "관련 기사 더보기", "BEST 뉴스", "베스트 뉴스", "베스트뉴스", "실시간뉴스", "실시간 뉴스",
        "주요 뉴스", "주요뉴스", "많이 본 뉴스", "많이본 뉴스", "많이 본 기사", "많이본기사", "인기 기사", "인기기사", "인기 뉴스", "추천 기사",
        "추천기사", "추천 뉴스", "최신 뉴스", "최신뉴스", "최신 기사", "최신기사", "이 시각 주요뉴스", "이시각 주요뉴스", "핫이슈", "포토뉴스",
        "오늘의 뉴스", "함께 보면 좋은 기사", "함께 볼만한 뉴스", "이 기사와 함께 많이 본 뉴스", "다른 기사 보기", "이 기자의 다른 기사",
        "기자의 다른 기사", "랭킹 뉴스", "랭킹뉴스", "섹션 주요뉴스", "오늘의 주요뉴스", "에디터 추천", "Related", "Related Articles",
        "Most Read", "Latest News", "Top News", "더 많은 기사", "속보", "헤드라인", "이 기사와 관련된 기사", "관련된 기사",
        "당신이 관심 있을 만한 이슈", "화제 뉴스", "화제뉴스", "인기 영상", "인기영상", "많이 본 영상", "주요 기사", "주요기사", "핫뉴스",
        "함께 보면 좋은 뉴스", "함께 읽으면 좋은 기사", "추천 영상",  "You may also like", "Don't miss", "Don’t miss", "More stories",
        "Most popular", "Related stories", "Related coverage",
    ]

    static let headingKeys: Set<[UInt8]> = Set(headings.map { Array($0.lowercased().utf8) })
    static let longestHeading = headingKeys.map(\.count).max() ?? 0

    /// The section name when the text is the heading of a related-article block.
    /// - Parameter text: a block's text (4 to 90 UTF-8 bytes can be a heading).
    /// - Returns: the heading without its framing (brackets, bullets, bars, spaces), when it is
    ///   one of the known headings (ASCII compared case-insensitively); nil otherwise.
    public static func sectionTitle(_ text: String) -> String? {
        guard text.byteCount <= 90, text.byteCount >= 4 else { return nil }
        let t = text.trimmingScalars(isDecoration)
        guard !t.isEmpty, t.utf8.count <= longestHeading else { return nil }
        // Byte keys, ASCII lowercased: only "Related Articles" and kin differ in case.
        var key = Array(t.utf8)
        for i in key.indices where key[i] >= 0x41 && key[i] <= 0x5A { key[i] |= 0x20 }
        return headingKeys.contains(key) ? t : nil
    }

    /// What frames a heading: spaces, brackets, bullets, bars.
    static func isDecoration(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "[", "]", "【", "】", "<", ">", "▶", "■", "□", "◆", "◇", "●", "○", "·", "|", "-", "–", " ", "\n", "\t", "\u{A0}", "\u{3000}", ".", "…", ":":
            return true
        default:
            return false
        }
    }
}
