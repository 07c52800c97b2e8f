import Foundation

/// Bylines, datelines, lead tags and reporter e-mails as Korean news writes them.
///
/// - `(모스크바·서울=연합뉴스) 최인영 특파원 박수윤 기자 = 본문…`: dateline `모스크바·서울`,
///   agency `연합뉴스`, two authors, and the paragraph text after `=`.
/// - `[서울=뉴시스]홍길동 기자 =`, `【서울=뉴시스】`, `(서울=뉴스1) 홍길동 기자 =`.
/// - Byline lines: `홍길동 기자`, `/홍길동 기자 hong@example.com`, `글·사진 홍길동 기자`,
///   `홍길동·김철수 기자`, `[홍길동 기자]`, `홍길동 기자(hong@example.com)`.
/// - Lead tags: `[동포투데이]본문…`.
/// - E-mail lines: `clap@yna.co.kr`.
public enum Bylines {
    /// Roles written after a reporter's name, longest first.
    public static let roles = ["선임기자", "전문기자", "수습기자", "인턴기자", "객원기자", "취재기자", "사진기자", "영상기자",
                               "논설위원실장", "논설실장", "논설위원", "편집위원", "전문위원", "선임연구위원", "연구위원", "대기자",
                               "특파원", "통신원", "칼럼니스트", "기자", "앵커", "리포터", "PD", "에디터", "객원칼럼니스트", "위원", "교수"]

    /// Words of two to four syllables that read like names but qualify a role or a desk
    /// (`홍길동 인턴 기자`, `사회부 기자`): never a person.
    public static let roleWords: Set<String> = ["인턴", "수습", "객원", "선임", "전문", "취재", "사진", "영상", "편집", "논설", "기상",
                                                "사회부", "정치부", "경제부", "국제부", "문화부", "체육부", "산업부", "사진부", "편집부",
                                                "기자", "특파원", "앵커", "리포터", "뉴스", "속보", "단독", "종합", "연합", "통신"]

    /// Substrings every role holds one of: a cheap test before a line is parsed as a byline.
    static let roleStems = ["기자", "위원", "특파원", "통신원", "칼럼니스트", "앵커", "리포터", "PD", "에디터", "교수", "실장"]

    /// A dateline at the start of a paragraph, with the byline that follows it.
    public struct Dateline: Sendable, Hashable {
        /// `모스크바·서울` (nil for `(연합뉴스)` alone).
        public var place: String?
        /// `연합뉴스`, `뉴스1`, `뉴시스` …
        public var agency: String
        /// The reporters of the byline after the dateline (or inside its brackets), in order;
        /// empty when the paragraph names none.
        public var authors: [Author]
        /// The paragraph with the dateline and byline removed.
        public var rest: String
    }

    /// Reads `(place=agency) names roles = text` at the start of a paragraph.
    /// - Parameter text: a paragraph; only its start is examined.
    /// - Returns: the dateline, byline and remaining text; nil when the paragraph does not open
    ///   with one (a photo credit such as `(사진=연합뉴스)` is not a dateline).
    public static func dateline(in text: String) -> Dateline? {
        // Cheap first: the paragraph must open with a bracket ( [ < 【 〔.
        guard let lead = text.utf8.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 }),
              lead == 0x28 || lead == 0x5B || lead == 0x3C || lead == 0xE3 else { return nil }
        let t = text.trimmingLeadingSpace()
        guard let open = t.first, "([【<〔".contains(open) else { return nil }
        let close: Character = open == "(" ? ")" : open == "[" ? "]" : open == "【" ? "】" : open == "<" ? ">" : "〕"
        guard let closeIndex = t.firstIndex(of: close) else { return nil }
        let inside = t[t.index(after: t.startIndex)..<closeIndex]
        guard inside.count <= 40 else { return nil }
        var rest = t[t.index(after: closeIndex)...].trimmingLeadingSpace()
        // The byline inside the brackets: `[헤럴드경제=한지숙 기자]`, `[부산=스포츠조선 선수민 기자]`,
        // `[이데일리 조민정 기자]`, `[OSEN=박준형 기자]`.
        if let inner = bracketedByline(String(inside)) {
            return Dateline(place: inner.place, agency: inner.agency, authors: inner.authors, rest: String(rest))
        }
        guard let eq = inside.lastIndex(of: "=") else { return nil }
        let agency = inside[inside.index(after: eq)...].trimmingSpaces()
        let placePart = inside[..<eq].trimmingSpaces()
        guard !agency.isEmpty, agency.count <= 12, !agency.contains(" ") else { return nil }
        // "(사진=연합뉴스)" and friends credit a photo; they are not datelines.
        for photoWord in ["사진", "그래픽", "자료", "제공", "영상", "출처"] where placePart.contains(photoWord) { return nil }
        var authors: [Author] = []
        // The byline runs to the next "=" when what comes before it reads as names and roles.
        if let eq2 = rest.firstIndex(of: "="), rest.distance(from: rest.startIndex, to: eq2) <= 60 {
            let bylineText = rest[..<eq2].trimmingSpaces()
            if let parsed = parseNames(bylineText), !parsed.isEmpty {
                authors = parsed
                rest = rest[rest.index(after: eq2)...].trimmingLeadingSpace()
            } else if bylineText.isEmpty {
                rest = rest[rest.index(after: eq2)...].trimmingLeadingSpace()
            }
        }
        return Dateline(place: placePart.isEmpty ? nil : placePart, agency: agency, authors: authors, rest: String(rest))
    }

    /// Reads a bracket that holds an outlet and a byline: `헤럴드경제=한지숙 기자` (outlet, names),
    /// `부산=스포츠조선 선수민 기자` (place, outlet, names), `이데일리 조민정 기자` (outlet, names).
    static func bracketedByline(_ inside: String) -> (place: String?, agency: String, authors: [Author])? {
        let text = inside.trimmingSpaces()
        var place: String? = nil
        var tail = Substring(text)
        if let eq = text.lastIndex(of: "=") {
            let head = text[..<eq].trimmingSpaces()
            tail = text[text.index(after: eq)...]
            if let names = parseNames(tail.trimmingSpaces()), !names.isEmpty {
                guard !head.isEmpty, head.count <= 12 else { return nil }
                return (nil, head, names)
            }
            place = head.isEmpty ? nil : head
        }
        // An outlet word, then the names: `스포츠조선 선수민 기자`.
        let words = tail.split(separator: " ", maxSplits: 1).map(String.init)
        // A two- or three-syllable first word may be a second reporter; four or more, an outlet.
        guard words.count == 2, words[0].count <= 12, !isName(words[0]) || isAffiliation(words[0]) || words[0].count >= 4,
              roles.allSatisfy({ $0 != words[0] }), let names = parseNames(words[1]), !names.isEmpty else { return nil }
        for photoWord in ["사진", "그래픽", "자료", "제공", "영상", "출처"] where (place ?? "").contains(photoWord) || words[0].contains(photoWord) {
            return nil
        }
        return (place, words[0], names)
    }

    /// Parses `최인영 특파원 박수윤 기자`, `홍길동·김철수 기자`, `홍길동 기자`: names followed by roles.
    /// Returns nil when any part is not a name or a role.
    ///
    /// Place names that open the line are a dateline, not names (`순천, 광양 구현모 기자`), and a
    /// closing `외 1명` (and one more) is dropped.
    /// - Parameter text: the byline, without the dateline.
    /// - Returns: the authors in order, each with the role written after it and an e-mail
    ///   when one is attached; nil when any part is not a name or a role, or a name has no role.
    public static func parseNames(_ text: String) -> [Author]? {
        var tokens = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        tokens = tokens.filter { !$0.isEmpty && $0 != "/" && $0 != "·" }
        // "외 1명", "기자외1명": the count of co-authors not named.
        if let last = tokens.last, isCountOfPeople(last) {
            tokens.removeLast()
            if let previous = tokens.last {
                if previous == "외" { tokens.removeLast() } else if previous.hasSuffix("외") { tokens[tokens.count - 1] = String(previous.dropLast()) }
            }
        } else if let last = tokens.last, let k = last.lastIndex(of: "외"), isCountOfPeople(String(last[last.index(after: k)...])) {
            let head = String(last[..<k])
            if head.isEmpty { tokens.removeLast() } else { tokens[tokens.count - 1] = head }
        }
        var leadingPlaces = 0
        while leadingPlaces < tokens.count - 2, Places.isPlace(tokens[leadingPlaces]) { leadingPlaces += 1 }
        tokens.removeFirst(leadingPlaces)
        guard !tokens.isEmpty, tokens.count <= 12 else { return nil }
        var authors: [Author] = []
        var pending: [String] = []
        var skipNext = false
        for (position, original) in tokens.enumerated() {
            if skipNext { skipNext = false; continue }
            var token = original
            // "기자(hong@x.com)" and "기자hong@x.com"
            var email: String? = nil
            if let e = Emails.all(in: token).first {
                email = e
                token = token.replacingOccurrences(of: e, with: "").trimming("()<> ")
            }
            if let role = roles.first(where: { token == $0 }) {
                guard !pending.isEmpty else { return nil }
                for name in pending { authors.append(Author(name: name, role: role, email: email)) }
                pending = []
                continue
            }
            if let role = roles.first(where: { token.hasSuffix($0) && token.count > $0.count }),
               isName(String(token.dropLast(role.count))) {
                // "홍길동기자" written solid
                pending.append(String(token.dropLast(role.count)))
                for name in pending { authors.append(Author(name: name, role: role, email: email)) }
                pending = []
                continue
            }
            if email != nil && token.isEmpty {
                if let last = authors.indices.last, authors[last].email == nil { authors[last].email = email }
                continue
            }
            // "이남경 MK스포츠 기자": an outlet between the name and the role.
            if !pending.isEmpty, position + 1 < tokens.count, isAffiliation(token),
               roles.contains(where: { tokens[position + 1].hasPrefix($0) }) {
                continue
            }
            // "인턴 기자": a word that qualifies the role after it.
            if roleWords.contains(token), position + 1 < tokens.count, !pending.isEmpty,
               let role = roles.first(where: { tokens[position + 1] == $0 }) {
                for name in pending { authors.append(Author(name: name, role: token + role, email: email)) }
                pending = []
                skipNext = true
                continue
            }
            let names = token.split(separator: "·").map(String.init)
            guard !names.isEmpty, names.allSatisfy({ isName($0) && !roleWords.contains($0) }) else { return nil }
            pending.append(contentsOf: names)
        }
        guard pending.isEmpty else { return nil }
        return authors
    }

    static let outletSuffixes = ["뉴스", "스포츠", "일보", "신문", "스타", "경제", "방송", "TV", "닷컴", "타임스", "저널", "매거진", "통신"]

    /// An outlet named inside a byline: `MK스포츠`, `MBN스타`, `스포츠조선`-like words that are not
    /// personal names.
    static func isAffiliation(_ token: String) -> Bool {
        guard token.count <= 12, !isName(token) || outletSuffixes.contains(where: { token.hasSuffix($0) }) else { return false }
        return token.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic } || outletSuffixes.contains(where: { token.hasSuffix($0) })
    }

    /// `1명`, `2명`.
    static func isCountOfPeople(_ s: String) -> Bool {
        s.hasSuffix("명") && s.count >= 2 && s.dropLast().allSatisfy(\.isNumber)
    }

    /// Whether a token reads as a Korean personal name (2–4 Hangul syllables).
    /// - Parameter s: one token, without spaces.
    /// - Returns: true for two to four precomposed Hangul syllables and nothing else; any
    ///   such word passes, as no list of names is consulted.
    public static func isName(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard (2...4).contains(scalars.count) else { return false }
        return scalars.allSatisfy { $0.value >= 0xAC00 && $0.value <= 0xD7A3 }
    }

    /// A line that is only a byline: `홍길동 기자`, `/ 홍길동 기자 hong@x.com`, `글·사진=홍길동 기자`,
    /// `[홍길동 기자]`, `홍길동 기자 (hong@x.com)`. Returns the authors, or nil.
    /// - Parameter text: one line (at most 240 UTF-8 bytes are considered a byline).
    /// - Returns: the authors, never empty; nil when the line is anything but a byline.
    public static func bylineLine(_ text: String) -> [Author]? {
        guard text.byteCount <= 240, text.hasAny(roleStems) else { return nil }
        var t = text.trimmingSpaces()
        t = t.trimming("/[]【】()<>")
        for prefix in ["글·사진=", "글·사진 ", "글=", "사진=", "정리=", "취재=", "기자=", "By "] where t.hasPrefix(prefix) {
            t = String(t.dropFirst(prefix.count))
        }
        t = t.trimmingSpaces()
        guard let authors = parseNames(t), !authors.isEmpty else { return nil }
        return authors
    }

    /// Strips a leading `[site]` tag such as `[동포투데이]` when it names one of `sites`.
    /// - Parameters:
    ///   - text: a paragraph.
    ///   - sites: the names a tag may hold, matched exactly inside `[…]`, `【…】` or `(…)`.
    /// - Returns: the text after the tag and the site it named; without such a tag, the text
    ///   (leading whitespace removed) and nil.
    public static func stripLeadTag(_ text: String, sites: [String]) -> (text: String, tag: String?) {
        let t = text.trimmingLeadingSpace()
        guard let lead = t.utf8.first, lead == 0x5B || lead == 0x28 || lead == 0xE3 else { return (String(t), nil) }
        for open in ["[", "【", "("] {
            let close = open == "[" ? "]" : open == "【" ? "】" : ")"
            for site in sites where t.hasBytePrefix(open + site + close) {
                return (String(String(t.dropFirst(site.count + 2)).trimmingLeadingSpace()), site)
            }
        }
        return (String(t), nil)
    }
}

extension StringProtocol {
    /// The string without leading whitespace.
    func trimmingLeadingSpace() -> SubSequence {
        self[(firstIndex(where: { !$0.isWhitespace }) ?? endIndex)...]
    }
}
