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

/// Headline labels: `[종합]`, `[단독]`, `【속보】` in front, Yonhap's `(종합)`, `(종합2보)`, `(1보)` behind,
/// and the site-name suffixes of `<title>` (`… | 연합뉴스`, `… - 이투데이`).
public enum Headlines {
    static let kickerWords = ["종합", "단독", "속보", "1보", "2보", "3보", "상보", "속보2", "긴급", "영상", "포토", "사진", "인터뷰", "르포",
                              "해설", "기획", "칼럼", "사설", "시론", "분석", "팩트체크", "이슈", "오늘의 운세", "그래픽", "카드뉴스", "일문일답",
                              "전문", "현장", "단독 인터뷰", "여의도 4PM", "뉴스해설", "리뷰", "Q&A", "이슈분석"]

    /// Splits a leading (or Yonhap-style trailing) label off a headline.
    public static func splitKicker(_ headline: String) -> (kicker: String?, title: String) {
        var t = headline.trimmingSpaces()
        var kicker: String? = nil
        for (open, close) in [("[", "]"), ("【", "】"), ("<", ">"), ("〈", "〉")] where t.hasPrefix(open) {
            if let end = t.range(of: close) {
                let label = t[t.index(after: t.startIndex)..<end.lowerBound].trimmingSpaces()
                if !label.isEmpty && label.count <= 12 {
                    kicker = label
                    t = String(t[end.upperBound...]).trimmingSpaces()
                }
            }
            break
        }
        // Yonhap appends "(종합)", "(종합2보)", "(1보)", "(속보)", "(3보)".
        if t.hasSuffix(")"), let open = t.range(of: "(", options: .backwards) {
            let label = String(t[open.upperBound..<t.index(before: t.endIndex)])
            if isVersionLabel(label) {
                kicker = kicker ?? label
                t = String(t[..<open.lowerBound]).trimmingSpaces()
            }
        }
        return (kicker, t)
    }

    /// `종합`, `종합2보`, `2보`, `속보`, `상보`, `1보`.
    static func isVersionLabel(_ label: String) -> Bool {
        let l = label.replacingOccurrences(of: " ", with: "")
        if l == "종합" || l == "속보" || l == "상보" || l == "단독" || l == "긴급" { return true }
        if l.hasSuffix("보") {
            let head = l.dropLast()
            let digits = head.hasPrefix("종합") ? head.dropFirst(2) : head[...]
            return !digits.isEmpty && digits.allSatisfy(\.isNumber)
        }
        return false
    }

    /// Whether `short` is the headline `long` carries with a tail or a head added: `long` starts
    /// (or ends) with it, the rest sets off with a separator, and `short` is most of it.
    /// `제목-정치ㅣ한국일보` and `신문 | 제목` both trim to `제목`.
    public static func isHeadline(_ short: String, trimmedFrom long: String) -> Bool {
        let s = short.collapsingWhitespace(), l = long.collapsingWhitespace()
        guard s.count >= 6, s.count < l.count, s.count * 2 >= l.count else { return false }
        let separators: Set<Character> = [" ", "-", "–", "—", "|", "ㅣ", "｜", ":", "·", "<", ">", "/", "_", "(", "[", "«", "»"]
        if l.hasPrefix(s), let next = l.dropFirst(s.count).first, separators.contains(next) { return true }
        if l.hasSuffix(s), let before = l.dropLast(s.count).last, separators.contains(before) { return true }
        return false
    }

    /// Whether two headlines differ only in whitespace and in the kind of quotation marks.
    public static func sameHeadline(_ a: String, _ b: String) -> Bool {
        func folded(_ s: String) -> String {
            String(s.collapsingWhitespace().map { ch -> Character in
                switch ch {
                case "″", "“", "”", "„", "＂", "〃": return "\""
                case "′", "‘", "’", "‚", "＇", "`": return "'"
                default: return ch
                }
            })
        }
        return folded(a) == folded(b)
    }

    /// A `<title>` without its site-name part: `제목 | 연합뉴스` → `제목`. The site names to strip
    /// are given (og:site_name and the adapter's names); generic separators are tried too.
    public static func stripSiteName(_ title: String, siteNames: [String]) -> String {
        var t = title.trimmingSpaces()
        let names = siteNames.filter { !$0.isEmpty && t.has($0) }
        guard !names.isEmpty || t.has(" < ") else { return t }
        for sep in [" | ", " - ", " – ", " :: ", " : ", " < ", " > ", " · ", "｜", " ㅣ ", "ㅣ", "|", " |", "-", "–"] where t.has(sep) {
            for name in names {
                if t.hasSuffix(sep + name) { t = String(t.dropLast(sep.count + name.count)) }
                if t.hasPrefix(name + sep) { t = String(t.dropFirst(name.count + sep.count)) }
            }
        }
        // "대전일보 모바일 :: 제목", "제목 | 대전일보 모바일": a segment that names the site.
        for sep in [" :: ", " | ", " - ", " – ", " ㅣ ", " ｜ "] where t.has(sep) {
            for name in names {
                if let r = t.range(of: sep), t[..<r.lowerBound].count <= 25, t[..<r.lowerBound].has(name) {
                    t = String(t[r.upperBound...])
                }
                if let r = t.range(of: sep, options: .backwards), t[r.upperBound...].count <= 25, t[r.upperBound...].has(name) {
                    t = String(t[..<r.lowerBound])
                }
            }
        }
        // "제목 < 섹션 < 기사본문 - 사이트" (ndsoft CMS)
        if let r = t.range(of: " < ") { t = String(t[..<r.lowerBound]) }
        return t.trimmingSpaces()
    }
}
