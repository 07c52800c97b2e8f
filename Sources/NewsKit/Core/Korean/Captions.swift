import Foundation

/// Photo captions and credits as Korean news writes them.
///
/// - `▲2019년 4월 25일 … 찍고 있다. 블라디보스토크(러시아)/로이터연합뉴스`: caption, place, credit.
/// - `(평양 조선중앙통신=연합뉴스) … 보도했다. 2023.9.14 [국내에서만 사용가능. 재배포 금지. …] nkphoto@yna.co.kr`:
///   the Yonhap photo-desk form: credit `조선중앙통신`, and the date stamp, usage notice and
///   desk address are not caption.
/// - `[사진=연합뉴스]`, `(사진 제공=국방부)`, `© 지구촌한글학교미래포럼`, `[XX 제공. 재판매 및 DB 금지]`.
public enum Captions {
    /// A caption split into its parts.
    public struct Parsed: Sendable, Hashable {
        /// What the photo shows, with the markers (`▲`), credit, usage notices and desk e-mail
        /// removed; nil when nothing is left.
        public var caption: String?
        /// Who took or supplied the photo (`로이터연합뉴스`, `국방부`); nil when the caption names no one.
        public var credit: String?
        /// The place before a `/credit` (`블라디보스토크(러시아)`).
        public var place: String?
    }

    static let noticeMarkers = ["국내에서만 사용가능", "재판매 및 DB 금지", "재배포 금지", "DB 금지", "For Use Only in the Republic of Korea",
                                "No Redistribution", "무단 전재", "무단전재"]
    static let creditSuffixes = ["연합뉴스", "뉴스1", "뉴시스", "뉴스", "이미지", "포토", "통신", "제공", "AFP", "AP", "EPA", "로이터",
                                 "게티이미지", "게티이미지코리아", "Getty Images", "Reuters", "신화", "연합", "DB"]

    /// The phrases ``looksLikeCaption(_:)`` looks for, found in one pass: the photo desk's notices,
    /// `사진`, and the copyright signs.
    static let captionMarks = NeedleSet(noticeMarkers + ["사진", "©", "ⓒ"])
    static let noticeMask: UInt64 = (1 << UInt64(noticeMarkers.count)) - 1
    static let photoMask: UInt64 = 1 << UInt64(noticeMarkers.count)
    static let copyrightMask: UInt64 = 0b110 << UInt64(noticeMarkers.count)

    /// How English captions open their credit in parentheses.
    static let englishCredits = ["Image:", "Image :", "Images:", "Photo:", "Photo :", "Photos:", "Picture:", "Pic:", "Credit:",
                                 "AP Photo", "Getty", "Reuters", "AFP", "Photo by", "Photograph:"]

    /// Whether a block's text reads as a photo caption rather than body text.
    /// - Parameter text: a block's text.
    /// - Returns: true for text opening with `▲` or `△`, holding a photo desk's usage notice,
    ///   opening with a `사진=` credit, or ending with a credit (`/로이터연합뉴스`, `(AP Photo/…)`,
    ///   `© …`); false otherwise.
    public static func looksLikeCaption(_ text: String) -> Bool {
        let t = text.trimmingSpaces()
        if t.hasBytePrefix("▲") || t.hasBytePrefix("△") { return true }
        let marks = captionMarks.matches(in: t)
        if marks & noticeMask != 0 { return true }
        // English credits in parentheses at the end: "(Image: GETTY)", "(AP Photo/Jae C. Hong)".
        if t.utf8.last == 0x29, t.utf8.count <= 600, let open = t.utf8.lastIndex(of: 0x28) {
            let inside = t.utf8[t.utf8.index(after: open)...]
            for credit in englishCredits where inside.starts(with: credit.utf8) { return true }
        }
        if marks & photoMask != 0 {
            for p in ["[사진=", "(사진=", "<사진=", "사진=", "[사진]", "사진 제공", "(사진 제공", "[사진 제공", "/사진="] where t.hasBytePrefix(p) { return true }
        }
        if t.utf8.contains(0x2F), let credit = trailingSlashCredit(t), isCreditLike(credit.credit) { return true }
        if t.byteCount < 900, marks & copyrightMask != 0,
           let c = t.range(of: "©", options: .backwards) ?? t.range(of: "ⓒ", options: .backwards),
           t.distance(from: c.upperBound, to: t.endIndex) <= 25 {
            return true
        }
        return false
    }

    /// Splits a caption into caption text, credit and place.
    /// - Parameter text: the caption as the page gives it.
    /// - Returns: its parts; each is nil when the text does not hold it, so text that is not
    ///   a caption comes back as the caption alone.
    public static func parse(_ text: String) -> Parsed {
        var t = text.trimmingSpaces()
        var credit: String? = nil
        var place: String? = nil
        while let f = t.first, "▲△▷".contains(f) { t.removeFirst(); t = t.trimmingSpaces() }
        // The photo desk's address at the end.
        while let e = Emails.all(in: t).last, t.hasSuffix(e) {
            t = String(t.dropLast(e.count)).trimmingSpaces()
        }
        // Bracketed usage notices; "[국방부 제공. 재판매 및 DB 금지]" also names the credit.
        var searchFrom = t.startIndex
        while t.utf8.contains(where: { $0 == 0x5B || $0 == 0x3C }), let open = t[searchFrom...].firstIndex(where: { $0 == "[" || $0 == "<" }),
              let close = t[open...].firstIndex(where: { $0 == "]" || $0 == ">" }) {
            let inside = String(t[t.index(after: open)..<close])
            if noticeMarkers.contains(where: { inside.contains($0) }) || inside.contains("재판매") || inside.contains("금지") {
                if credit == nil, let provided = inside.components(separatedBy: CharacterSet(charactersIn: ".,")).first,
                   provided.hasSuffix(" 제공") || provided.hasSuffix("제공") {
                    credit = provided.replacingOccurrences(of: "제공", with: "").trimmingSpaces()
                }
                t.removeSubrange(open...close)
                t = t.trimmingSpaces()
                searchFrom = t.startIndex
                continue
            }
            if let c = creditMarker(inside) {
                credit = credit ?? c
                t.removeSubrange(open...close)
                t = t.trimmingSpaces()
                searchFrom = t.startIndex
                continue
            }
            searchFrom = t.index(after: open)
        }
        // "(사진=연합뉴스)" in parentheses.
        if t.has("(사진"), let open = t.range(of: "(사진"), let close = t[open.upperBound...].firstIndex(of: ")") {
            let inside = String(t[t.index(after: open.lowerBound)..<close])
            if let c = creditMarker(inside) {
                credit = credit ?? c
                t.removeSubrange(open.lowerBound...close)
                t = t.trimmingSpaces()
            }
        }
        // A date stamp at the end: "2023.9.14".
        t = stripTrailingDateStamp(t)
        // A leading dateline "(평양 조선중앙통신=연합뉴스)" and the byline after it.
        if let d = Bylines.dateline(in: t) {
            if let p = d.place {
                let words = p.split(separator: " ")
                if words.count >= 2 {
                    credit = credit ?? words.dropFirst().joined(separator: " ")
                    place = String(words[0])
                } else {
                    credit = credit ?? d.agency
                    place = p
                }
            } else {
                credit = credit ?? d.agency
            }
            t = d.rest
        }
        // "… 있다. 블라디보스토크(러시아)/로이터연합뉴스"
        if t.utf8.contains(0x2F), let slash = trailingSlashCredit(t), isCreditLike(slash.credit) {
            credit = credit ?? slash.credit
            var head = slash.head
            if let stop = head.range(of: ". ", options: .backwards) ?? head.range(of: "다 ", options: .backwards) {
                let tail = head[stop.upperBound...].trimmingSpaces()
                if !tail.isEmpty && tail.count <= 25 && !tail.hasSuffix(".") {
                    place = tail
                    head = String(head[..<stop.upperBound])
                }
            } else if head.count <= 25 && !head.contains(" ") {
                place = head
                head = ""
            }
            t = head.trimmingSpaces()
        }
        // "… © 지구촌한글학교미래포럼"
        for mark in ["©", "ⓒ"] where t.has(mark) {
            if let c = t.range(of: mark, options: .backwards), t.distance(from: c.upperBound, to: t.endIndex) <= 25 {
                let name = t[c.upperBound...].trimmingSpaces()
                if !name.isEmpty { credit = credit ?? name }
                t = String(t[..<c.lowerBound]).trimmingSpaces()
            }
        }
        // "사진=연합뉴스" / "사진 제공=국방부" at the start or end without brackets.
        for prefix in ["사진 제공=", "사진제공=", "사진=", "사진 제공 ", "/사진="] where t.hasBytePrefix(prefix) {
            let rest = t.dropFirst(prefix.count)
            let name = rest.prefix { !$0.isWhitespace }
            credit = credit ?? String(name)
            t = String(rest.dropFirst(name.count)).trimmingSpaces()
        }
        // "… 대표단. 사진=조선중앙통신" at the end.
        for marker in ["사진 제공=", "사진제공=", "사진=", "사진 제공 : ", "사진 : "] where t.has(marker) {
            if let r = t.range(of: marker, options: .backwards), t.distance(from: r.upperBound, to: t.endIndex) <= 20,
               r.lowerBound == t.startIndex || t[t.index(before: r.lowerBound)] == " " || t[t.index(before: r.lowerBound)] == "/" {
                let name = t[r.upperBound...].trimmingSpaces()
                if !name.isEmpty && !name.contains(" ") { credit = credit ?? name }
                t = String(t[..<r.lowerBound]).trimming(" /")
                break
            }
        }
        let caption = t.trimmingSpaces()
        return Parsed(caption: caption.isEmpty ? nil : caption, credit: credit?.isEmpty == true ? nil : credit, place: place)
    }

    /// A block that only labels a photo credit: `사진 출처`, `사진제공`, `출처:`.
    /// - Parameter text: a block's text.
    /// - Returns: true when the text, spaces and a final colon left out, is one of `사진출처`,
    ///   `사진제공`, `이미지출처`, `출처`, `자료사진출처`.
    public static func isCreditLabel(_ text: String) -> Bool {
        guard text.byteCount <= 48, text.byteCount >= 6 else { return false }
        // Spaces and colons out, compared as bytes.
        var b = Array(text.utf8)
        b.removeAll { $0 == 0x20 || $0 == 0x3A }
        if b.count >= 3, b[b.count - 3] == 0xEF, b[b.count - 2] == 0xBC, b[b.count - 1] == 0x9A { b.removeLast(3) }   // "："
        return creditLabels.contains(b)
    }

    static let creditLabels: [[UInt8]] = ["사진출처", "사진제공", "이미지출처", "출처", "자료사진출처"].map { Array($0.utf8) }

    /// `사진=연합뉴스`, `사진 제공=국방부`, `사진 = 연합뉴스` → the credit.
    static func creditMarker(_ inside: String) -> String? {
        let s = inside.trimmingSpaces()
        for prefix in ["사진 제공", "사진제공", "사진", "자료사진", "그래픽", "출처"] where s.hasPrefix(prefix) {
            var rest = s.dropFirst(prefix.count).trimmingSpaces()
            guard let f = rest.first, "=:".contains(f) else { continue }
            rest = String(rest.dropFirst()).trimmingSpaces()
            return rest.isEmpty ? nil : rest
        }
        return nil
    }

    /// The text before and the credit after the last `/`, when the credit is short.
    static func trailingSlashCredit(_ t: String) -> (head: String, credit: String)? {
        guard let slash = t.lastIndex(of: "/") else { return nil }
        let credit = t[t.index(after: slash)...].trimmingSpaces()
        guard !credit.isEmpty, credit.count <= 20, !credit.has("http"), !credit.hasSuffix("."),
              credit.split(separator: " ").count <= 3 else { return nil }
        return (String(t[..<slash]), credit)
    }

    static func isCreditLike(_ credit: String) -> Bool {
        creditSuffixes.contains { credit.hasSuffix($0) } || credit.hasPrefix("사진")
    }

    /// Removes a trailing `2023.9.14` / `2023.09.14.` stamp.
    static func stripTrailingDateStamp(_ t: String) -> String {
        let trimmed = t.trimmingSpaces()
        guard let last = trimmed.utf8.last, last == 0x2E || (last >= 0x30 && last <= 0x39) else { return trimmed }
        let u = Array(trimmed.unicodeScalars)
        var i = u.count
        if i > 0 && u[i - 1] == "." { i -= 1 }
        var parts = 0
        var end = i
        while parts < 3 {
            var k = end
            while k > 0 && KoreanDates.isDigit(u[k - 1]) { k -= 1 }
            let digits = end - k
            guard digits >= 1 && digits <= 4 else { return trimmed }
            parts += 1
            if parts == 3 {
                guard digits == 4, k == 0 || u[k - 1] == " " else { return trimmed }
                return String(String.UnicodeScalarView(u[0..<k])).trimmingSpaces()
            }
            guard k > 0 && u[k - 1] == "." else { return trimmed }
            end = k - 1
        }
        return trimmed
    }
}
