/// Resolves the day references of Korean news text against the article's date:
/// `12일(현지시간)` in an article of 2025-08-13 is 2025-08-12, `지난 6일` 2025-08-06, `오는 15일`
/// 2025-08-15, `지난해 6월` 2024-06, `이달` 2025-08, `다음 주` 2025-W34.
///
/// Dates come out as `YYYY-MM-DD`, `YYYY-MM` (a month) or `YYYY-Www` (an ISO week). A
/// reference that needs the article's date is resolved only when there is one: without it only
/// fully written dates (`2025년 9월 3일`) are kept. Durations (`3일간`, `24일 만에`) are not dates.
///
/// ```swift
/// let dates = EventDateResolver().eventDates(in: text, reference: article.publishedAt)
/// ```
public struct EventDateResolver: Sendable {
    /// Makes a resolver; it has no settings and keeps no state.
    public init() {}

    /// The event dates of `text`, in text order, each with its sentence.
    /// - Parameters:
    ///   - text: Korean news text, usually ``Article/text``.
    ///   - reference: the article's publication instant (read in its own offset, KST
    ///     for Korean pages); nil resolves only complete dates.
    /// - Returns: each day, month or week reference found, with the expression as written, the
    ///   resolved date and its sentence; empty when the text has none.
    public func eventDates(in text: String, reference: Instant?) -> [EventDate] {
        scan(Array(text.unicodeScalars), reference: reference, firstDayOnly: false)
    }

    func scan(_ s: [Unicode.Scalar], reference: Instant?, firstDayOnly: Bool) -> [EventDate] {
        var out: [EventDate] = []
        let ref = reference.map { r -> Day in let c = r.components; return Day(year: c.year, month: c.month, day: c.day) }
        var ranges: [Range] = []
        var i = 0
        while i < s.count {
            if ScalarClass.isDigit(s[i]), i == 0 || !ScalarClass.isASCIIAlnum(s[i - 1]) && s[i - 1] != "." && s[i - 1] != "," {
                if let (date, start, end) = numeric(s, at: i, ref: ref, ranges: &ranges) {
                    if let date {
                        out.append(EventDate(expression: string(s, start, end), date: date, sentence: firstDayOnly ? "" : sentence(s, start, end)))
                        if firstDayOnly && date.count == 10 && s[end - 1] != "월" { return out }
                    }
                    i = max(end, i + 1)
                    continue
                }
            }
            if !firstDayOnly, let ref, Self.wordStartFilter.mayContain(s[i]), Self.wordStarts.contains(s[i]), i == 0 || !ScalarClass.isHangul(s[i - 1]), let (date, end) = word(s, at: i, ref: ref) {
                out.append(EventDate(expression: string(s, i, end), date: date, sentence: sentence(s, i, end)))
                let p = date.split(separator: "-").compactMap { Int($0) }
                if p.count == 3 { ranges.append(Range(year: p[0], month: p[1], first: p[2], last: 31, until: sentenceEnd(s, end))) }
                i = end
                continue
            }
            i += 1
        }
        return out
    }

    /// The day of the month of the text's first day reference (`12일(현지시간)` → 12), read
    /// without the article's date: undated pages can still be compared by it.
    /// - Parameter text: Korean news text.
    /// - Returns: the day of the month, 1…31; nil when the text has no numeric day reference
    ///   (month and week references do not count).
    public func firstDayOfMonth(in text: String) -> Int? {
        // Any reference day serves: relative days keep their day of the month. 31 July has
        // 31-day months on both sides, so `오는 31일` and `지난 31일` both resolve.
        let probe = Instant(year: 2000, month: 7, day: 31)
        guard let d = scan(Array(text.unicodeScalars), reference: probe, firstDayOnly: true).last, d.date.count == 10 else { return nil }
        return Int(d.date.suffix(2))
    }

    // MARK: - Calendar

    struct Day {
        var year: Int, month: Int, day: Int
        var days: Int { Instant.daysFromCivil(year, month, day) }
        init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }
        init(days: Int) { let (y, m, d) = Instant.civilFromDays(days); year = y; month = m; day = d }
        func adding(days n: Int) -> Day { Day(days: days + n) }
        var text: String { "\(Self.four(year))-\(Self.two(month))-\(Self.two(day))" }
        var monthText: String { "\(Self.four(year))-\(Self.two(month))" }
        static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        static func four(_ v: Int) -> String { String(repeating: "0", count: max(0, 4 - String(v).count)) + String(v) }
        /// The ISO week (`2025-W33`).
        var weekText: String {
            let d = days
            let weekday = ((d % 7) + 7 + 3) % 7 + 1  // 1970-01-01 was a Thursday (4)
            let thursday = Day(days: d - (weekday - 1) + 3)
            let week = (thursday.days - Instant.daysFromCivil(thursday.year, 1, 1)) / 7 + 1
            return "\(Self.four(thursday.year))-W\(Self.two(week))"
        }
    }

    static func month(_ year: Int, _ month: Int, plus n: Int) -> (Int, Int) {
        let m = year * 12 + (month - 1) + n
        return (m / 12, m % 12 + 1)
    }

    // MARK: - Numbers: 2025년 9월 3일, 지난해 6월, 오는 15일, 12일(현지시간), 10~13일, 3일 전

    /// A span of days the text resolved (`24~30일` of a visit): a later bare day inside it
    /// (`26일`, `29일`) is a day of the same month.
    /// A day with its month written out (`5월 4일`, `다음 달 4일`) is one too, for the later days
    /// of its sentence (`… 4일부터 7일 서울을 시작으로 12일 도쿄`): `until` is where it stops holding.
    struct Range { var year: Int, month: Int, first: Int, last: Int, until: Int = Int.max }

    /// Which way from the article's date a sentence looks.
    /// `present`: the last verb is in the present tense, which news uses for what is scheduled
    /// (`방문한다`) but also for judgements (`주목된다`): enough to keep a day in its month, not to
    /// move a month to another year.
    enum Direction { case forward, present, backward, unknown }

    /// Returns the date (nil when it cannot be resolved), and the expression's range.
    func numeric(_ s: [Unicode.Scalar], at start: Int, ref: Day?, ranges: inout [Range]) -> (String?, Int, Int)? {
        var i = start
        var year: Int?, month: Int?, day: Int?
        var end = start
        var rangeEnd = false
        var lastDay: Int?
        func number() -> Int? {
            var v = 0, n = 0
            while i < s.count, ScalarClass.isDigit(s[i]), n < 5 { v = v * 10 + Int(s[i].value - 48); i += 1; n += 1 }
            return n == 0 ? nil : v
        }
        func spaces() { while i < s.count, s[i] == " " { i += 1 } }
        while i < s.count {
            let save = i
            guard let v = number() else { break }
            // `10~13일`: a range; the date is its first day.
            if i < s.count, s[i] == "~" || s[i] == "-" || s[i] == "∼", day == nil {
                let mark = i
                i += 1
                if let last = number(), i < s.count, s[i] == "일" { rangeEnd = true; lastDay = last } else { i = mark }
            }
            guard i < s.count else { i = save; break }
            let unit = s[i]
            if unit == "년", year == nil, month == nil, day == nil, (1900...2100).contains(v) { year = v }
            else if unit == "월", month == nil, day == nil, (1...12).contains(v) { month = v }
            else if unit == "일", day == nil, (1...31).contains(v) || rangeEnd { day = v }
            else { i = save; break }
            i += 1
            end = i
            if unit == "일" { break }
            let afterUnit = i
            spaces()
            guard i < s.count, ScalarClass.isDigit(s[i]) else { i = afterUnit; break }
        }
        guard end > start else { return nil }
        // A year alone is not a day reference.
        if year != nil, month == nil, day == nil { return (nil, start, end) }
        // Durations: 3일간, 24일 만에, 5일째, 2일 동안.
        if day != nil, month == nil, year == nil {
            let rest = after(s, end)
            if rest.hasPrefix("간") || rest.hasPrefix(" 만에") || rest.hasPrefix("만에") || rest.hasPrefix("째") || rest.hasPrefix(" 동안") || rest.hasPrefix(" 이내") || rest.hasPrefix(" 연속") {
                return (nil, start, end)
            }
            // `5박 7일`: nights and days of a stay.
            if Self.followsNights(s, start) { return (nil, start, end) }
        }
        if month != nil, day == nil, year == nil {
            let rest = after(s, end)
            if rest.hasPrefix("간") || rest.hasPrefix(" 동안") || rest.hasPrefix("여") { return (nil, start, end) }
        }
        var exprStart = start
        let before = self.before(s, start)
        var modifier: String?
        for m in ["지난해 ", "작년 ", "올해 ", "내년 ", "지난 ", "오는 ", "다음 달 ", "이달 "] where before.hasSuffix(m) {
            modifier = m.trimmingCharacters(in: .whitespaces)
            exprStart = start - m.unicodeScalars.count
            break
        }
        var exprEnd = end
        let rest = after(s, end)
        for tz in ["(현지시간)", "(현지시각)", "(현지 시간)", "(미국시간)", "(한국시간)"] where rest.hasPrefix(tz) {
            exprEnd = end + tz.unicodeScalars.count
            break
        }
        // `3일 전`, `5일 뒤`: days counted from the article's date.
        if let d = day, month == nil, year == nil, modifier == nil, !rangeEnd {
            for (w, sign) in [(" 전", -1), (" 뒤", 1), (" 후", 1)] where rest.hasPrefix(w) {
                let next = after(s, end + w.unicodeScalars.count)
                if next.isEmpty || next.first == " " || next.first == "," || next.first == "에" || next.first == "부" || next.first == "까" || next.first == "." {
                    guard let ref else { return (nil, start, end) }
                    return (ref.adding(days: sign * d).text, start, end + w.unicodeScalars.count)
                }
            }
        }
        if let y = year {
            if let m = month {
                if let d = day {
                    guard Instant.daysIn(month: m, year: y) >= d else { return (nil, start, end) }
                    ranges.append(Range(year: y, month: m, first: d, last: 31, until: sentenceEnd(s, end)))
                    return (Day(year: y, month: m, day: d).text, exprStart, exprEnd)
                }
                return (Day(year: y, month: m, day: 1).monthText, exprStart, exprEnd)
            }
            return (nil, start, end)
        }
        /// What a resolved day lends the days after it: a span (`24~30일`) its days everywhere,
        /// a day with its month written the later days of its sentence.
        func remember(_ y: Int, _ m: Int, _ d: Int, monthWritten: Bool) {
            if rangeEnd, let last = lastDay, last >= d, last <= 31 { ranges.append(Range(year: y, month: m, first: d, last: last)) }
            if monthWritten { ranges.append(Range(year: y, month: m, first: d, last: 31, until: sentenceEnd(s, end))) }
        }
        guard let ref else { return (nil, start, end) }
        let direction = self.direction(sentence(s, start, end), after: string(s, exprEnd, min(s.count, exprEnd + 4)))
        if let m = month {
            var y: Int
            switch modifier {
            case "지난해", "작년": y = ref.year - 1
            case "올해": y = ref.year
            case "내년": y = ref.year + 1
            case "지난": y = m < ref.month || (m == ref.month && (day ?? 99) < ref.day) ? ref.year : ref.year - 1
            case "오는": y = m > ref.month || (m == ref.month && (day ?? 0) > ref.day) ? ref.year : ref.year + 1
            default:
                // A month without a year: the year nearest the article's date, in the direction
                // the sentence looks (`5월 11일까지`, `예정` ahead; a past tense behind).
                let d = day ?? 1
                switch direction {
                case .forward: y = m >= ref.month ? ref.year : ref.year + 1
                case .backward: y = m < ref.month || (m == ref.month && d <= ref.day) ? ref.year : ref.year - 1
                case .unknown, .present:
                    y = [ref.year - 1, ref.year, ref.year + 1].min { a, b in
                        abs(Instant.daysFromCivil(a, m, min(d, 28)) - ref.days) < abs(Instant.daysFromCivil(b, m, min(d, 28)) - ref.days)
                    }!
                }
            }
            if let d = day {
                guard Instant.daysIn(month: m, year: y) >= d else { return (nil, start, end) }
                remember(y, m, d, monthWritten: true)
                return (Day(year: y, month: m, day: d).text, exprStart, exprEnd)
            }
            return (Day(year: y, month: m, day: 1).monthText, exprStart, exprEnd)
        }
        guard let d = day, ["지난", "오는", nil].contains(modifier) else { return (nil, start, end) }
        var (y, m) = (ref.year, ref.month)
        switch modifier {
        case "지난": if d >= ref.day { (y, m) = Self.month(y, m, plus: -1) }
        case "오는": if d <= ref.day { (y, m) = Self.month(y, m, plus: 1) }
        default:
            if let r = ranges.last(where: { $0.first <= d && d <= $0.last && start < $0.until }) {
                // A day of a span the text gave (`24~30일` … `26일`), or later in the sentence of
                // a day with its month (`5월 4일부터 7일`).
                (y, m) = (r.year, r.month)
            } else if d > ref.day && direction != .forward && direction != .present {
                (y, m) = Self.month(y, m, plus: -1)
            }
        }
        guard Instant.daysIn(month: m, year: y) >= d else { return (nil, start, end) }
        remember(y, m, d, monthWritten: false)
        return (Day(year: y, month: m, day: d).text, exprStart, exprEnd)
    }

    /// `5박 7일`: the day count follows a count of nights.
    static func followsNights(_ s: [Unicode.Scalar], _ start: Int) -> Bool {
        var k = start - 1
        while k >= 0, s[k] == " " { k -= 1 }
        guard k >= 1, s[k] == "박", ScalarClass.isDigit(s[k - 1]) else { return false }
        return true
    }

    /// Which way a sentence looks from the article's date: ahead when it says so (`예정`,
    /// `계획`, `앞두고` …) or when the date is a deadline (`11일까지`); ``Direction/present`` when
    /// its last verb is in the present tense (`방문한다`, `갖는다`); behind when it is in the past
    /// tense (`만났다`, `밝혔다`).
    func direction(_ sentence: String, after rest: String) -> Direction {
        if isFuture(sentence) || rest.hasPrefix("까지") { return .forward }
        // The syllable before the sentence's final 다.
        let u = Array(sentence.unicodeScalars)
        var k = u.count - 1
        while k >= 0, !ScalarClass.isHangul(u[k]) { k -= 1 }
        guard k >= 1, u[k] == "다", ScalarClass.isHangul(u[k - 1]) else { return .unknown }
        let v = u[k - 1].value - 0xAC00
        let final = v % 28
        if final == 20 { return u[k - 1] == "있" ? .unknown : .backward }  // ㅆ: 했다, 밝혔다, 있었다 (있다 is present)
        if u[k - 1] == "는" || (final == 4 && u[k - 1] != "인") { return .present }  // 는다, ㄴ다: 한다, 만난다
        return .unknown
    }

    /// Words of a sentence that put its event ahead of the article.
    func isFuture(_ sentence: String) -> Bool {
        ["예정", "계획", "열리는", "열릴", "앞두고", "목표", "방침", "전망", "할 것", "될 것", "오는"].contains { sentence.has($0) }
    }

    // MARK: - Words: 이달, 지난달, 다음 주, 어제

    static let words: [(String, @Sendable (Day) -> String)] = [
        ("이번 달", { $0.monthText }), ("이달", { $0.monthText }),
        ("지난달", { d in let (y, m) = month(d.year, d.month, plus: -1); return Day(year: y, month: m, day: 1).monthText }),
        ("지난 달", { d in let (y, m) = month(d.year, d.month, plus: -1); return Day(year: y, month: m, day: 1).monthText }),
        ("다음 달", { d in let (y, m) = month(d.year, d.month, plus: 1); return Day(year: y, month: m, day: 1).monthText }),
        ("다음달", { d in let (y, m) = month(d.year, d.month, plus: 1); return Day(year: y, month: m, day: 1).monthText }),
        ("내달", { d in let (y, m) = month(d.year, d.month, plus: 1); return Day(year: y, month: m, day: 1).monthText }),
        ("이번 주", { $0.weekText }), ("이번주", { $0.weekText }), ("금주", { $0.weekText }),
        ("지난주", { $0.adding(days: -7).weekText }), ("지난 주", { $0.adding(days: -7).weekText }),
        ("다음 주", { $0.adding(days: 7).weekText }), ("다음주", { $0.adding(days: 7).weekText }), ("내주", { $0.adding(days: 7).weekText }),
        ("그저께", { $0.adding(days: -2).text }), ("엊그제", { $0.adding(days: -2).text }),
        ("어제", { $0.adding(days: -1).text }), ("오늘", { $0.text }), ("내일", { $0.adding(days: 1).text }),
        ("모레", { $0.adding(days: 2).text }),
    ]
    static let wordScalars: [[Unicode.Scalar]] = words.map { Array($0.0.unicodeScalars) }
    static let wordStarts: Set<Unicode.Scalar> = Set(wordScalars.compactMap(\.first))
    /// ``wordStarts`` as one bit test per character, before the set's hashing.
    static let wordStartFilter = ScalarFilter(wordStarts)
    static let wordEndings: Set<Unicode.Scalar> = Set("은는이가을를의에도부까중초말께".unicodeScalars)

    func word(_ s: [Unicode.Scalar], at i: Int, ref: Day) -> (String, Int)? {
        for (n, (w, resolve)) in Self.words.enumerated() {
            let u = Self.wordScalars[n]
            guard i + u.count <= s.count, s[i..<(i + u.count)].elementsEqual(u) else { continue }
            let end = i + u.count
            if end < s.count, ScalarClass.isHangul(s[end]), !Self.wordEndings.contains(s[end]) { continue }
            // `다음 주` must not be `다음 주자`; `오늘날` is not a day.
            if end < s.count, s[end] == "날" { continue }
            // The month words are not also the start of a numeric date (`지난달 24일` reads as a day).
            if w.hasPrefix("지난") || w.hasPrefix("다음") || w == "이달" || w == "내달" {
                var j = end
                while j < s.count, s[j] == " " { j += 1 }
                if j < s.count, ScalarClass.isDigit(s[j]), w.hasSuffix("달") || w == "이달" || w == "내달" {
                    // `지난달 24일`: the day in that month.
                    var k = j, v = 0
                    while k < s.count, ScalarClass.isDigit(s[k]) { v = v * 10 + Int(s[k].value - 48); k += 1 }
                    if k < s.count, s[k] == "일", (1...31).contains(v) {
                        let monthText = resolve(ref)
                        let parts = monthText.split(separator: "-").compactMap { Int($0) }
                        if parts.count == 2, Instant.daysIn(month: parts[1], year: parts[0]) >= v {
                            return (Day(year: parts[0], month: parts[1], day: v).text, k + 1)
                        }
                    }
                }
            }
            return (resolve(ref), end)
        }
        return nil
    }

    // MARK: - Text helpers

    func string(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(s[a..<min(b, s.count)])) }
    func after(_ s: [Unicode.Scalar], _ i: Int) -> String { string(s, i, min(s.count, i + 8)) }
    func before(_ s: [Unicode.Scalar], _ i: Int) -> String { string(s, max(0, i - 8), i) }

    /// Where the sentence holding position `end - 1` ends.
    func sentenceEnd(_ s: [Unicode.Scalar], _ end: Int) -> Int {
        var b = end
        while b < s.count {
            let c = s[b]
            if c == "\n" { break }
            b += 1
            if (c == "." || c == "?" || c == "!") && (b == s.count || s[b] == " " || s[b] == "\n") { break }
        }
        return b
    }

    /// The sentence around a range: from the previous sentence end to the next one.
    func sentence(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        var a = start
        while a > 0 {
            let c = s[a - 1]
            if c == "\n" { break }
            if (c == " " || c == "\u{A0}") && a >= 2 && (s[a - 2] == "." || s[a - 2] == "?" || s[a - 2] == "!") && !(a >= 3 && ScalarClass.isDigit(s[a - 3])) { break }
            a -= 1
        }
        return string(s, a, sentenceEnd(s, end)).trimmingCharacters(in: .whitespaces)
    }
}
