/// How broadcast and wire pages name their reporters in the text rather than in a byline:
/// sign-offs (`이준삼 기자입니다.`, `연합뉴스TV 이준삼입니다.`, `변재영 기자의 보도입니다.`) and
/// credit lines (`[취재기자: 홍길동 / 영상편집: 김철수]`).
public enum BroadcastCredits {
    /// Outlets whose name comes before the reporter's in a sign-off, longest first.
    static let outlets = ["연합뉴스TV", "연합뉴스", "TV조선", "채널A", "YTN", "KBS", "MBC", "SBS", "JTBC", "MBN", "OBS", "EBS", "CBS", "뉴스1", "뉴시스"]

    /// Roles of a credit line, as the pages write them.
    static let creditRoles = ["취재기자", "촬영기자", "영상취재", "영상편집", "영상그래픽", "그래픽", "촬영", "편집", "취재", "기자", "앵커",
                              "리포터", "작가", "연출", "구성", "진행", "내레이션", "PD", "CG", "자막뉴스"]

    /// The reporters a paragraph signs off with, each once, with the role `기자` (`… 기자입니다`,
    /// `… 기자의 보도입니다`) or none (`연합뉴스TV 이준삼입니다`).
    /// - Parameter paragraph: a body paragraph.
    /// - Returns: the authors named; empty when the paragraph signs off with nobody.
    public static func signOffs(in paragraph: String) -> [Author] {
        guard paragraph.has("입니다") else { return [] }
        var found: [Author] = []
        var rest = Substring(paragraph)
        while let r = rest.range(of: "입니다") {
            let before = rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            rest = after
            // The sentence ends there.
            guard after.first.map({ $0 == "." || $0 == " " || $0 == "\n" || $0 == "\"" || $0 == "”" }) ?? true else { continue }
            let tokens = before.split(separator: " ").suffix(4).map(String.init)
            guard let last = tokens.last else { continue }
            var author: Author? = nil
            if last == "기자", tokens.count >= 2, isReporterName(tokens[tokens.count - 2]) {
                author = Author(name: tokens[tokens.count - 2], role: "기자")
            } else if last == "보도", tokens.count >= 3, tokens[tokens.count - 2] == "기자의", isReporterName(tokens[tokens.count - 3]) {
                author = Author(name: tokens[tokens.count - 3], role: "기자")
            } else if tokens.count >= 2, isReporterName(last), outlets.contains(tokens[tokens.count - 2])
                        || (tokens.count >= 3 && tokens[tokens.count - 2] == "뉴스" && outlets.contains(tokens[tokens.count - 3])) {
                author = Author(name: last)
            }
            if let author, !found.contains(where: { $0.name == author.name }) { found.append(author) }
        }
        return found
    }

    /// A line of credits only: `[취재기자: 홍길동 / 영상편집: 김철수]`, `촬영기자 : 김민수, 이지훈`.
    /// - Parameter text: one line.
    /// - Returns: every person named, with the role before them; nil when any part of the line is
    ///   not `ROLE: NAME…` with a known role and Korean personal names. Production credits
    ///   (editing, graphics, camera) are parsed, so the line is known as credits, but only
    ///   ``reportingRoles`` are authors (see ``authors(inCreditLine:)``).
    public static func creditLine(_ text: String) -> [Author]? {
        guard text.utf8.count <= 200, text.has(":") || text.has("：") else { return nil }
        let inner = text.trimmingSpaces().trimming("[]()<>【】 ")
        var authors: [Author] = []
        for part in inner.split(whereSeparator: { $0 == "/" || $0 == "|" }) {
            let pair = part.split(maxSplits: 1, whereSeparator: { $0 == ":" || $0 == "：" })
            guard pair.count == 2 else { return nil }
            let role = pair[0].trimmingSpaces().replacingOccurrences(of: " ", with: "")
            guard creditRoles.contains(role) else { return nil }
            let names = pair[1].split(whereSeparator: { $0 == " " || $0 == "," || $0 == "·" }).map(String.init)
            // A sentence after the colon (`홍길동이 전했다`) is not a list of names.
            guard !names.isEmpty, names.allSatisfy(isReporterName), !names.contains(where: { $0.hasSuffix("다") }) else { return nil }
            for name in names where !authors.contains(where: { $0.name == name }) { authors.append(Author(name: name, role: role)) }
        }
        return authors.isEmpty ? nil : authors
    }

    /// Roles of a credit line whose people wrote the story.
    static let reportingRoles: Set<String> = ["취재기자", "취재", "기자", "리포터", "앵커", "진행"]

    /// The authors of a credit line: its reporters, without the production credits.
    /// - Parameter text: one line.
    /// - Returns: nil when the line is not a credit line (see ``creditLine(_:)``); else its
    ///   reporters, possibly none.
    public static func authors(inCreditLine text: String) -> [Author]? {
        creditLine(text).map { $0.filter { $0.role.map(reportingRoles.contains) ?? false } }
    }

    /// A Korean personal name, and not a word of a role or a title that looks like one (`인턴`).
    static func isReporterName(_ s: String) -> Bool {
        Bylines.isName(s) && !Bylines.roleWords.contains(s)
    }
}
