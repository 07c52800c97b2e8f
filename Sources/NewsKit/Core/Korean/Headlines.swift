import Foundation

/// Headline labels: `[종합]`, `[단독]`, `【속보】` in front, Yonhap's `(종합)`, `(종합2보)`, `(1보)` behind,
/// and the site-name suffixes of `<title>` (`… | 연합뉴스`, `… - 이투데이`).
public enum Headlines {
    static let kickerWords = ["종합", "단독", "속보", "1보", "2보", "3보", "상보", "속보2", "긴급", "영상", "포토", "사진", "인터뷰", "르포",
                              "해설", "기획", "칼럼", "사설", "시론", "분석", "팩트체크", "이슈", "오늘의 운세", "그래픽", "카드뉴스", "일문일답",
                              "전문", "현장", "단독 인터뷰", "여의도 4PM", "뉴스해설", "리뷰", "Q&A", "이슈분석"]

    /// Splits a leading (or Yonhap-style trailing) label off a headline.
    /// - Parameter headline: the headline as the page gives it.
    /// - Returns: the label without its brackets (a leading one of up to 12 characters wins
    ///   over a trailing version label), nil when there is none; and the headline without it,
    ///   spaces trimmed.
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
    /// - Parameters:
    ///   - short: the candidate headline (an `og:title`, an `<h1>`).
    ///   - long: the longer text (a `<title>`).
    /// - Returns: true when `short`, at least 6 characters and at least half of `long`, opens
    ///   or closes `long` next to a separator (space, dash, bar, colon, bracket …); whitespace
    ///   is collapsed in both first.
    public static func isHeadline(_ short: String, trimmedFrom long: String) -> Bool {
        let s = short.collapsingWhitespace(), l = long.collapsingWhitespace()
        guard s.count >= 6, s.count < l.count, s.count * 2 >= l.count else { return false }
        let separators: Set<Character> = [" ", "-", "–", "—", "|", "ㅣ", "｜", ":", "·", "<", ">", "/", "_", "(", "[", "«", "»"]
        if l.hasPrefix(s), let next = l.dropFirst(s.count).first, separators.contains(next) { return true }
        if l.hasSuffix(s), let before = l.dropLast(s.count).last, separators.contains(before) { return true }
        return false
    }

    /// Whether two headlines differ only in whitespace and in the kind of quotation marks.
    /// - Parameters:
    ///   - a: one headline.
    ///   - b: the other.
    /// - Returns: true when they are equal once whitespace is collapsed and curly, full-width
    ///   and prime quotes are read as `"` and `'`.
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
    /// - Parameters:
    ///   - title: the `<title>` text.
    ///   - siteNames: names of the site; empty ones are ignored.
    /// - Returns: the title without the parts that name the site (and, for ` < `-separated
    ///   titles, without everything after the first ` < `), spaces trimmed; the trimmed title
    ///   itself when no site name occurs in it.
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
