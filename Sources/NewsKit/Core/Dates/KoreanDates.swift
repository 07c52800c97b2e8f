/// Dates as Korean news pages write them, read to exact instants (KST unless an offset is given).
///
/// Forms: `입력 2023-09-05 14:41 수정 2023-09-11 17:57`, `송고 2025년08월13일 08시00분`,
/// `작성일25-08-13 11:06`, `2018. 4. 29. 17:12`, `입력 2023.11.02. 오후 8:06`,
/// `입력 2023.04.07 (08:26)`, `기사입력 2013-10-24 03:00:00`, `2023년 9월 5일 (화) 오후 2시 41분`,
/// ISO-8601 (`2025-08-13T08:00:00+09:00`), two-digit years (`25-08-13` is 2025, `'98.3.1` is 1998).
/// The label before a date (입력, 송고, 작성일 … / 수정, 최종수정, 업데이트 …) says what it is.
public enum KoreanDates {
    /// What a date stands for, from its label.
    public enum Role: String, Sendable, Hashable {
        /// A publication label came before it: `입력`, `송고`, `작성일`, `등록`, `Published` ….
        case published
        /// An update label came before it: `수정`, `최종수정`, `업데이트`, `Updated` ….
        case updated
        /// No known label came before it.
        case unlabelled
    }

    /// A date found in a text.
    public struct Match: Sendable, Hashable {
        /// What the date stands for, from the label before it.
        public var role: Role
        /// The date read to an instant, in the offset the text gives, else KST (+09:00).
        public var instant: Instant
        /// Whether the text gave a time of day (else the instant is 00:00 of that day).
        public var hasTime: Bool
        /// The label as written (`입력`, `송고`), if any.
        public var label: String?
    }

    static let publishedLabels = ["기사입력", "최초입력", "최초 입력", "입력", "등록일", "등록", "작성일", "작성", "송고", "게재", "발행일", "발행", "승인", "보도", "Posted", "Published", "Created"]
    static let updatedLabels = ["최종수정", "최종 수정", "기사수정", "수정일", "수정", "업데이트", "갱신", "Updated", "Modified"]

    /// Every date in `text`, in order.
    /// - Parameter text: any text: a header line, a paragraph.
    /// - Returns: the dates in the forms above, each with its role and label; empty when
    ///   there is none.
    public static func find(in text: String) -> [Match] {
        let u = Array(text.unicodeScalars)
        var out: [Match] = []
        var i = 0
        while i < u.count {
            if isDigit(u[i]) && (i == 0 || !isDigit(u[i - 1])) {
                if let (m, end) = dateAt(u, i) {
                    var match = m
                    (match.role, match.label) = label(before: u, i)
                    out.append(match)
                    i = end
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// The first date in `text`.
    /// - Parameter text: an ISO-8601 timestamp, or text holding a date in one of the forms above.
    /// - Returns: the instant (KST unless the text gives an offset); nil when the text holds no date.
    public static func parse(_ text: String) -> Instant? {
        if let iso = Instant(iso8601: text) { return iso }
        return find(in: text).first?.instant
    }

    /// The published and updated instants a header line gives (`입력 … 수정 …`).
    /// - Parameter text: the line.
    /// - Returns: the first date labelled as publication and the first labelled as update;
    ///   unlabelled dates fill what is missing, publication first. Each is nil when not found.
    public static func publishedAndUpdated(in text: String) -> (published: Instant?, updated: Instant?) {
        var published: Instant? = nil, updated: Instant? = nil
        for m in find(in: text) {
            switch m.role {
            case .published: if published == nil { published = m.instant }
            case .updated: if updated == nil { updated = m.instant }
            case .unlabelled: if published == nil { published = m.instant } else if updated == nil { updated = m.instant }
            }
        }
        return (published, updated)
    }

    // MARK: Scanning

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{A0}" || s == "\n" }

    private static func number(_ u: [Unicode.Scalar], _ i: inout Int, maxDigits: Int) -> (value: Int, digits: Int)? {
        var v = 0, n = 0
        while i < u.count && n < maxDigits && isDigit(u[i]) { v = v * 10 + Int(u[i].value - 0x30); n += 1; i += 1 }
        if n == 0 { return nil }
        if i < u.count && isDigit(u[i]) { return nil }   // too many digits
        return (v, n)
    }

    private static func skipSpaces(_ u: [Unicode.Scalar], _ i: inout Int) {
        while i < u.count && isSpace(u[i]) { i += 1 }
    }

    private static func word(_ u: [Unicode.Scalar], _ i: Int, _ w: String) -> Bool {
        var k = i
        for s in w.unicodeScalars {
            guard k < u.count, u[k] == s || (s.value < 0x80 && u[k].properties.lowercaseMapping == String(s).lowercased()) else { return false }
            k += 1
        }
        return true
    }

    /// A date (and optional time) starting at `start`.
    static func dateAt(_ u: [Unicode.Scalar], _ start: Int) -> (Match, Int)? {
        var i = start
        guard let (y0, yDigits) = number(u, &i, maxDigits: 4), yDigits == 4 || yDigits == 2 else { return nil }
        skipSpaces(u, &i)
        guard i < u.count else { return nil }
        let sep1 = u[i]
        guard sep1 == "-" || sep1 == "." || sep1 == "/" || sep1 == "년" else { return nil }
        i += 1
        skipSpaces(u, &i)
        guard let (month, _) = number(u, &i, maxDigits: 2) else { return nil }
        skipSpaces(u, &i)
        guard i < u.count else { return nil }
        let sep2 = u[i]
        let korean = sep1 == "년"
        guard korean ? sep2 == "월" : sep2 == sep1 else { return nil }
        i += 1
        skipSpaces(u, &i)
        guard let (day, _) = number(u, &i, maxDigits: 2) else { return nil }
        if i < u.count && (u[i] == "일" || (u[i] == "." && !korean)) { i += 1 }
        // Two-digit years are this century up to 69, the last one from 70.
        let year = yDigits == 4 ? y0 : (y0 <= 69 ? 2000 + y0 : 1900 + y0)
        guard (1970...2100).contains(year) else { return nil }
        // An ISO date-time: hand the whole token to the ISO parser.
        if i < u.count && u[i] == "T" && sep1 == "-" {
            var k = i + 1
            while k < u.count && (isDigit(u[k]) || ":+-.Z".unicodeScalars.contains(u[k])) { k += 1 }
            let token = String(String.UnicodeScalarView(u[start..<k]))
            if let instant = Instant(iso8601: token) {
                return (Match(role: .unlabelled, instant: instant, hasTime: true, label: nil), k)
            }
        }
        var end = i
        var hour = 0, minute = 0, second = 0, hasTime = false
        // Optional weekday "(화)" / "(Tue)" and an optional time.
        var k = i
        skipSpaces(u, &k)
        if k + 2 < u.count && u[k] == "(" && !isDigit(u[k + 1]) {
            var close = k + 1
            while close < u.count && close - k < 6 && u[close] != ")" { close += 1 }
            if close < u.count && u[close] == ")" { k = close + 1 }
        }
        if let (h, m, s, tEnd) = timeAt(u, k) {
            hour = h; minute = m; second = s; hasTime = true; end = tEnd
        }
        guard let instant = Instant(year: year, month: month, day: day, hour: hour, minute: minute, second: second) else { return nil }
        return (Match(role: .unlabelled, instant: instant, hasTime: hasTime, label: nil), end)
    }

    /// A time of day at `start` (after optional spaces): `14:41`, `14:41:02`, `(08:26)`,
    /// `오후 8:06`, `오후 2시 41분`, `08시00분`, `5:12 PM`.
    static func timeAt(_ u: [Unicode.Scalar], _ start: Int) -> (Int, Int, Int, Int)? {
        var i = start
        skipSpaces(u, &i)
        var paren = false
        if i < u.count && u[i] == "(" { paren = true; i += 1 }
        var meridiem = 0   // 1 = AM, 2 = PM
        if word(u, i, "오전") { meridiem = 1; i += 2; skipSpaces(u, &i) }
        else if word(u, i, "오후") { meridiem = 2; i += 2; skipSpaces(u, &i) }
        guard let (h0, _) = number(u, &i, maxDigits: 2) else { return nil }
        skipSpaces(u, &i)
        guard i < u.count else { return nil }
        var minute = 0, second = 0
        if u[i] == ":" {
            i += 1
            guard let (m, md) = number(u, &i, maxDigits: 2), md == 2 else { return nil }
            minute = m
            if i < u.count && u[i] == ":" {
                var k = i + 1
                if let (s, sd) = number(u, &k, maxDigits: 2), sd == 2 { second = s; i = k }
            }
        } else if u[i] == "시" {
            i += 1
            var k = i
            skipSpaces(u, &k)
            if let (m, _) = number(u, &k, maxDigits: 2) {
                var k2 = k
                skipSpaces(u, &k2)
                if k2 < u.count && u[k2] == "분" { minute = m; i = k2 + 1 }
            }
        } else {
            return nil
        }
        var k = i
        skipSpaces(u, &k)
        if meridiem == 0 {
            if word(u, k, "AM") || word(u, k, "am") { meridiem = 1; i = k + 2 }
            else if word(u, k, "PM") || word(u, k, "pm") { meridiem = 2; i = k + 2 }
        }
        if paren {
            var c = i
            skipSpaces(u, &c)
            if c < u.count && u[c] == ")" { i = c + 1 }
        }
        var hour = h0
        if meridiem == 2 && hour < 12 { hour += 12 }
        if meridiem == 1 && hour == 12 { hour = 0 }
        guard hour <= 23, minute <= 59 else { return nil }
        return (hour, minute, second, i)
    }

    /// The label right before position `start`: published, updated, or none.
    static func label(before u: [Unicode.Scalar], _ start: Int) -> (Role, String?) {
        var end = start
        // Skip separators between the label and the date: spaces, ':', '|', '·', 'l' used as a bar.
        while end > 0 && (isSpace(u[end - 1]) || u[end - 1] == ":" || u[end - 1] == "|" || u[end - 1] == "·") { end -= 1 }
        let windowStart = max(0, end - 8)
        let before = String(String.UnicodeScalarView(u[windowStart..<end]))
        for l in updatedLabels where before.hasSuffix(l) { return (.updated, l) }
        for l in publishedLabels where before.hasSuffix(l) { return (.published, l) }
        return (.unlabelled, nil)
    }
}
