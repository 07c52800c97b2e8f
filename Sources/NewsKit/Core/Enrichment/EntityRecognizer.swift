/// Finds the people, organizations and places an article names, with canonical names,
/// aliases and where each mention is.
///
/// Four sources, in order: the ``Gazetteer`` (longest match, with Korean boundary rules so
/// that `인도` is not found in `인도적`); rules for names it does not know (a name before a
/// title, `[이름/소속 직함]` interview captions, `홍길동씨`, an organization with its acronym
/// in parentheses, a place before 주/시/군/구/기지); and coreference inside the article
/// (`김 위원장` → 김정은 when he is named, `왓슨` → 에이드리언 왓슨, `최고지도자` → 김정은,
/// `북·러` → 북한 and 러시아); and a statistical tagger learned from KLUE-NER for the names
/// neither knows (``EntityTagger``: it proposes spans and types, the gazetteer gives a span it
/// knows its id and English name, and every later mention of a found name is found too).
/// Reporters in the byline are people too.
///
/// ```swift
/// let recognizer = EntityRecognizer(gazetteer: try .builtIn())
/// for e in recognizer.entities(in: article) { print(e.name, e.type, e.mentions) }
/// ```
public struct EntityRecognizer: Sendable {
    /// The known names the recognizer looks for, with their aliases and titles.
    public let gazetteer: Gazetteer

    enum Form: Sendable { case name, alias, context }
    struct Payload: Sendable { var entry: Int; var form: Form }

    let trie: ScalarTrie<Payload>
    /// The learned tagger; nil when the recognizer runs on its gazetteer and rules alone.
    let tagger: EntityTagger?
    private let titleTrie: ScalarTrie<Int>
    private let titles: [String]
    let titleSuffixes: SuffixSet
    static let particleSuffixes = SuffixSet(particles)
    static let affiliationSet = SuffixSet(affiliationSuffixes)
    static let organizationSet = SuffixSet(organizationSuffixes)

    /// Makes a recognizer, indexing the gazetteer's names, aliases and titles once.
    /// - Parameters:
    ///   - gazetteer: the known names (``Gazetteer/builtIn()``, or one merged with your own).
    ///   - learnedModel: whether the tagger learned from KLUE-NER proposes names the gazetteer
    ///     and the rules do not know (the default); false for the gazetteer and the rules alone.
    public init(gazetteer: Gazetteer, learnedModel: Bool = true) {
        self.gazetteer = gazetteer
        self.tagger = learnedModel ? EntityTagger.builtIn : nil
        var trie = ScalarTrie<Payload>()
        var titleSet = Set(EntityRecognizer.titleWords)
        for (i, e) in gazetteer.entries.enumerated() {
            trie.insert(e.name, Payload(entry: i, form: .name))
            for a in e.aliases { trie.insert(a, Payload(entry: i, form: .alias)) }
            for a in e.contextAliases { trie.insert(a, Payload(entry: i, form: .context)) }
            titleSet.formUnion(e.titles)
        }
        self.trie = trie
        self.titles = titleSet.sorted()
        self.titleSuffixes = SuffixSet(self.titles)
        var t = ScalarTrie<Int>()
        for (i, w) in titles.enumerated() { t.insert(w, i) }
        self.titleTrie = t
    }

    /// The entities of an article: its text (with spans), its title and its byline.
    /// - Parameter article: the article; its ``Article/text``, ``Article/title`` and ``Article/authors`` are read.
    /// - Returns: the entities, most mentioned first (ties in order of first mention), as
    ///   ``entities(text:title:authors:)`` finds them; empty when the article names none.
    public func entities(in article: Article) -> [Entity] {
        entities(text: article.text, title: article.title, authors: article.authors)
    }

    /// The entities of a text; `title` adds mentions without spans, `authors` are people.
    /// - Parameters:
    ///   - text: the body text; spans are offsets into it, in Unicode scalars.
    ///   - title: the headline, whose mentions are counted without spans; nil for none.
    ///   - authors: the byline's authors, each a person.
    /// - Returns: the entities, most mentioned first (ties in order of first mention), each
    ///   with its spans in text order; empty when the text names none.
    public func entities(text: String, title: String? = nil, authors: [Author] = []) -> [Entity] {
        var run = Run(recognizer: self, text: Array(text.unicodeScalars))
        run.gazetteerPass()
        run.ruleNames()
        run.compoundCountries()
        for a in authors where !a.name.isEmpty { run.author(a.name) }
        if let tagger { run.modelPass(tagger) }
        run.dynamicPass()
        run.surnameTitles()
        if let title { run.titleMentions(Array(title.unicodeScalars)) }
        return run.result()
    }

    // MARK: - Word lists

    /// Title words written after a name (`푸틴 대통령`, `왓슨 대변인`); compounds ending in one
    /// (`국방장관`, `전략소통조정관`) count too.
    static let titleWords = [
        "대통령", "부통령", "총리", "장관", "차관", "대변인", "위원장", "주석", "조정관", "특사", "기자", "특파원", "의원",
        "대표", "최고위원", "대사", "실장", "보좌관", "사령관", "사단장", "단장", "청장", "총장", "교수", "회장", "사장",
        "부사장", "의장", "외무상", "국방상", "총비서", "부부장", "비서", "후보", "직무대행", "대행", "지사", "시장", "군수",
        "검사", "판사", "변호사", "앵커", "연구위원", "고문", "국장", "처장", "소장", "원장", "상원의원", "하원의원",
        "차르", "창업자", "공동창업자", "책임자", "최고경영자", "감독", "장군", "상병", "병장", "서기", "총재", "위원",
        "수석", "비서관", "행정관", "정책위의장", "원내대표", "외교부장", "국무장관", "CEO",
    ]

    /// Suffixes of affiliation tokens between a name and its title (`백악관`, `통일부`, `민주당`).
    static let affiliationSuffixes = [
        "부", "원", "청", "처", "회", "당", "단", "관", "국", "실", "소", "대", "군", "사", "측", "그룹", "대학교", "위원회",
        "무소속", "본부", "공사", "재단", "궁", "청사", "포럼", "기구", "연합", "통신", "방송", "일보", "신문", "은행", "센터",
    ]

    /// Endings of long organization names.
    static let organizationSuffixes = [
        "사무소", "위원회", "연구원", "연구소", "사령부", "대학교", "법원", "검찰청", "경찰청", "수사대", "조사본부", "공사", "재단",
        "협회", "노조", "노동조합", "연맹", "협의회", "안전부", "정보원", "통신사", "방송사", "신문사", "거래소", "은행",
    ]

    /// Words that precede a title without being names.
    static let notNames: Set<String> = [
        "이날", "이번", "이어", "이에", "한편", "또한", "특히", "당시", "현재", "최근", "지난", "오는", "올해", "작년", "우리", "정부",
        "관계자", "당국자", "전문가", "지도부", "신임", "차기", "초대", "현직", "전직", "공동", "수석", "부대표", "이같이", "이후",
        "앞서", "그러나", "하지만", "다만", "또", "및", "등", "각", "한", "전", "현", "前", "現", "故", "고", "주요", "일부", "다른",
        "해당", "소속", "출신", "당", "국내", "해외", "외국", "중앙", "지방", "대선", "총선", "민주", "주니어", "겸", "부", "제1",
        "그는", "그녀는", "이들", "모두", "모든", "새", "첫", "미래", "국민", "정치", "경제", "외교", "안보", "국방", "통일",
        "지난달", "지난해", "이달", "다음달", "오늘", "어제", "내일", "당일", "전날", "다음날", "현지", "반드시", "또다시",
    ]

    /// Common Korean surnames (the first syllable of a three-syllable name).
    static let surnames: Set<Unicode.Scalar> = Set("김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감호".unicodeScalars)

    /// Syllables a name does not end with: particles and verb endings (`한국의`, `만나고`).
    static let notNameEndings: Set<Unicode.Scalar> = Set("의에를을와과서고며면로만다요게께는도가된할될던".unicodeScalars)

    /// Particles and suffixes allowed right after a one- or two-syllable name (`북한이`, `푸틴과`).
    static let particleStarts: Set<Unicode.Scalar> = Set("은는이가을를의에와과도로으측쪽간만까부처보께엔군랑".unicodeScalars)

    /// Particles stripped from the end of a token before it is read as a title or place.
    static let particles = ["에서는", "으로는", "에게서", "에서", "에게", "으로", "과의", "와의", "이라", "이며", "이자", "까지", "부터",
                            "처럼", "보다", "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "로", "께", "만", "엔"]

    /// Country abbreviations used in compounds (`북·러`, `한미`, `조로`).
    static let countryAbbreviations: [Unicode.Scalar: String] = [
        "북": "북한", "남": "한국", "한": "한국", "미": "미국", "러": "러시아", "중": "중국", "일": "일본", "조": "북한", "로": "러시아",
        "美": "미국", "中": "중국", "日": "일본", "露": "러시아", "北": "북한", "韓": "한국",
    ]
    /// The scalars of ``countryAbbreviations``, tested before its dictionary on every character.
    static let abbreviationScalars = ScalarFilter(countryAbbreviations.keys)
    /// Compounds read without a separator (with one, `북·중·러`, any abbreviations combine).
    static let knownCompounds: Set<String> = ["북러", "북중", "한미", "한일", "한중", "한러", "미중", "미러", "남북", "조로", "조중", "한미일", "북중러", "한중일", "러북"]

    /// Stems that are not places before 주/시/구 (`이번주`, `동시`).
    static let notPlaceStems: Set<String> = ["이번", "다음", "지난", "이달", "금", "매", "한", "첫", "둘째", "셋째", "넷째", "주말", "민", "자",
                                             "사회민", "수도권", "일부", "해당", "전", "각", "농어촌", "도시", "주변", "인근", "접경", "국경"]
    /// Generic stems before 기지 (`우주기지` alone is no name).
    static let genericBaseStems: Set<String> = ["우주", "공군", "해군", "육군", "미군", "군사", "해양", "전진", "미사일", "핵", "잠수함", "군"]
}

// MARK: - One recognition

extension EntityRecognizer {
    /// The working state of one text.
    struct Run {
        let recognizer: EntityRecognizer
        let s: [Unicode.Scalar]
        var occupied: [Bool]
        var table: [Working] = []
        var byKey: [String: Int] = [:]
        var gazetteerIndex: [Int: Int] = [:]
        /// Forms found by rule, scanned for again once all are known (`왓슨`, `NSC`).
        var dynamicForms: [(form: String, index: Int)] = []
        var contextHits: [(index: Int, start: Int, end: Int, fallback: (entry: Int, end: Int)?)] = []

        struct Working {
            var name: String
            var type: Entity.Kind
            var english: String?
            var wikidata: String?
            var titles: Set<String> = []
            var aliases: [String] = []
            var spans: [Entity.Span] = []
            var extraMentions = 0
            var first = Int.max
            var direct = false
        }

        init(recognizer: EntityRecognizer, text: [Unicode.Scalar]) {
            self.recognizer = recognizer
            self.s = text
            self.occupied = Array(repeating: false, count: text.count)
        }

        var g: Gazetteer { recognizer.gazetteer }

        // MARK: Table

        mutating func index(ofEntry entry: Int) -> Int {
            if let i = gazetteerIndex[entry] { return i }
            let e = g.entries[entry]
            let i = index(named: e.name, type: e.type)
            table[i].english = e.english
            table[i].wikidata = e.wikidata
            table[i].titles.formUnion(e.titles)
            gazetteerIndex[entry] = i
            return i
        }

        mutating func index(named name: String, type: Entity.Kind) -> Int {
            let key = "\(type.rawValue):\(name)"
            if let i = byKey[key] { return i }
            table.append(Working(name: name, type: type))
            byKey[key] = table.count - 1
            return table.count - 1
        }

        /// Records a mention at `start..<end`; `alias` is the name to list for it when the text
        /// there is not the whole name used (`김` of `김 위원장`).
        mutating func mention(_ i: Int, _ start: Int, _ end: Int, alias: String? = nil) {
            guard start < end, !occupied[start..<end].contains(true) else { return }
            for k in start..<end { occupied[k] = true }
            let form = alias ?? String(String.UnicodeScalarView(s[start..<end]))
            if form != table[i].name, !table[i].aliases.contains(form) { table[i].aliases.append(form) }
            table[i].spans.append(Entity.Span(start: start, end: end))
            table[i].first = min(table[i].first, start)
            table[i].direct = true
        }

        func isFree(_ start: Int, _ end: Int) -> Bool { start < end && end <= s.count && !occupied[start..<end].contains(true) }

        // MARK: Boundaries

        func leftOK(_ i: Int) -> Bool {
            guard i > 0 else { return true }
            let c = s[i], p = s[i - 1]
            if ScalarClass.isHangul(c) && ScalarClass.isHangul(p) { return false }
            if ScalarClass.isASCIIAlnum(c) && ScalarClass.isASCIIAlnum(p) { return false }
            return true
        }

        func rightOK(start: Int, end: Int) -> Bool {
            guard end < s.count else { return true }
            let last = s[end - 1], next = s[end]
            if ScalarClass.isASCIIAlnum(last) && ScalarClass.isASCIIAlnum(next) { return false }
            // `연합뉴스TV` is another outlet than 연합뉴스: a Hangul name run on into capitals is a longer name.
            if ScalarClass.isHangul(last) && ScalarClass.isUpper(next) { return false }
            if ScalarClass.isHangul(last) && ScalarClass.isHangul(next) && end - start <= 2 {
                return EntityRecognizer.particleStarts.contains(next)
            }
            return true
        }

        // MARK: Gazetteer

        mutating func gazetteerPass() {
            var i = 0
            while i < s.count {
                guard recognizer.trie.startsWith(s[i]), leftOK(i) else { i += 1; continue }
                let found = recognizer.trie.matches(in: s, at: i)
                var taken = false
                for m in found.reversed() where rightOK(start: i, end: m.end) {
                    let p = m.payloads.first { $0.form != .context } ?? m.payloads[0]
                    let w = index(ofEntry: p.entry)
                    if p.form == .context {
                        // Kept aside until the article is known to name the entity; the text
                        // is reserved meanwhile, with the best plain match as the fallback.
                        let fallback = found.last { f in f.end < m.end && f.payloads.contains { $0.form != .context } && rightOK(start: i, end: f.end) }
                            .map { f in (entry: f.payloads.first { $0.form != .context }!.entry, end: f.end) }
                        contextHits.append((w, i, m.end, fallback))
                        for k in i..<m.end { occupied[k] = true }
                    } else {
                        mention(w, i, m.end)
                    }
                    i = m.end
                    taken = true
                    break
                }
                if !taken { i += 1 }
            }
        }

        /// `북·러`, `미·러정상회담`, `한미`, `조로`: each country named once.
        mutating func compoundCountries() {
            let abbr = EntityRecognizer.countryAbbreviations
            var i = 0
            while i < s.count {
                guard EntityRecognizer.abbreviationScalars.mayContain(s[i]), abbr[s[i]] != nil, leftOK(i) || !ScalarClass.isHangul(s[i]), isFree(i, i + 1) else { i += 1; continue }
                var parts = [i]
                var j = i + 1
                var separated = false
                while j < s.count {
                    if Self.isCompoundSeparator(s[j]), j + 1 < s.count, abbr[s[j + 1]] != nil {
                        separated = true
                        parts.append(j + 1)
                        j += 2
                    } else if abbr[s[j]] != nil, !separated, parts.count < 3 {
                        parts.append(j)
                        j += 1
                    } else { break }
                }
                guard parts.count >= 2 else { i += 1; continue }
                let letters = String(String.UnicodeScalarView(parts.map { s[$0] }))
                if !separated {
                    // Without a separator only known pairs count, and not inside a longer word
                    // unless a known continuation follows (`한미연합`, `북러정상회담`).
                    guard EntityRecognizer.knownCompounds.contains(letters) else { i += 1; continue }
                } else if j < s.count, ScalarClass.isHangul(s[j]), parts.count == 2, ScalarClass.isHangul(s[parts[1]]) {
                    // `러·조선`: the last part runs into a word; leave it to the gazetteer.
                    if !EntityRecognizer.particleStarts.contains(s[j]) && !Self.compoundContinuations.contains(s[j]) { i += 1; continue }
                }
                var seen: Set<String> = []
                for p in parts {
                    guard let name = abbr[s[p]], !seen.contains(name), isFree(p, p + 1),
                          let entry = g.entries.firstIndex(where: { $0.name == name && $0.type == .place }) else { continue }
                    seen.insert(name)
                    mention(index(ofEntry: entry), p, p + 1)
                }
                i = j
            }
        }

        static func isCompoundSeparator(_ c: Unicode.Scalar) -> Bool { c == "·" || c == "ㆍ" || c == "‧" || c == "・" || c == "-" }
        static let compoundContinuations: Set<Unicode.Scalar> = Set("관정간동협군회양연외대교공경무밀합국".unicodeScalars)

        // MARK: Tokens

        struct Token {
            var start: Int
            var end: Int
            /// The token without leading/trailing punctuation.
            var coreStart: Int
            var coreEnd: Int
        }

        func tokens() -> [Token] {
            var out: [Token] = []
            var i = 0
            while i < s.count {
                while i < s.count, ScalarClass.isSpace(s[i]) || s[i] == "·" { i += 1 }
                let start = i
                while i < s.count, !ScalarClass.isSpace(s[i]), s[i] != "·" { i += 1 }
                guard start < i else { continue }
                var cs = start, ce = i
                while cs < ce, Self.isEdgePunctuation(s[cs]) { cs += 1 }
                while ce > cs, Self.isEdgePunctuation(s[ce - 1]) { ce -= 1 }
                out.append(Token(start: start, end: i, coreStart: cs, coreEnd: ce))
            }
            return out
        }

        static let edgePunctuation: Set<Unicode.Scalar> = Set("\"'“”‘’「」『』《》〈〉[](),.:;!?…·<>-—–".unicodeScalars)
        static let placeSuffixes: Set<Unicode.Scalar> = Set("주시구군".unicodeScalars)
        static let subjectEndings: Set<Unicode.Scalar> = Set("은는이가".unicodeScalars)
        static let clauseEndings: Set<Unicode.Scalar> = Set("은는이가을를에서고며면도".unicodeScalars)

        static func isEdgePunctuation(_ c: Unicode.Scalar) -> Bool {
            edgePunctuation.contains(c)
        }

        func string(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(s[a..<b])) }

        func allHangul(_ a: Int, _ b: Int) -> Bool { a < b && s[a..<b].allSatisfy(ScalarClass.isHangul) }

        /// The end of the token's core without a trailing particle.
        func stemEnd(_ t: Token) -> Int {
            if let m = EntityRecognizer.particleSuffixes.longest(in: s, start: t.coreStart, end: t.coreEnd), m.length < t.coreEnd - t.coreStart {
                return t.coreEnd - m.length
            }
            return t.coreEnd
        }

        /// Whether the token (its core, maybe with a particle) ends in a title word.
        func title(of t: Token) -> String? {
            var ends = [t.coreEnd, stemEnd(t)]
            if let open = s[t.coreStart..<t.coreEnd].firstIndex(of: "(") { ends.append(open) }
            for end in ends where end > t.coreStart {
                if let m = recognizer.titleSuffixes.longest(in: s, start: t.coreStart, end: end), end - t.coreStart <= m.length + 5 {
                    return recognizer.titleSuffixes.words[m.word]
                }
            }
            return nil
        }

        func isAffiliation(_ t: Token) -> Bool {
            if t.coreStart < t.coreEnd, occupied[t.coreStart..<t.coreEnd].contains(true) { return true }
            let core = string(t.coreStart, t.coreEnd)
            if core.contains("(") && core.unicodeScalars.contains(where: ScalarClass.isUpper) { return true }
            if ["전", "前", "겸", "신임", "현", "초대", "공동", "대표", "수석", "무소속", "당시"].contains(core) { return true }
            guard allHangul(t.coreStart, t.coreEnd) || core.contains("·") else { return false }
            guard let m = EntityRecognizer.affiliationSet.longest(in: s, start: t.coreStart, end: t.coreEnd) else { return false }
            return m.length < t.coreEnd - t.coreStart
        }

        func isKoreanName(_ a: Int, _ b: Int) -> Bool {
            b - a == 3 && allHangul(a, b) && EntityRecognizer.surnames.contains(s[a])
                && !EntityRecognizer.notNameEndings.contains(s[b - 1]) && !EntityRecognizer.notNames.contains(string(a, b))
        }

        func isNameToken(_ t: Token) -> Bool {
            let n = t.end - t.start
            guard t.coreStart == t.start, t.coreEnd == t.end, n >= 2, n <= 6, allHangul(t.start, t.end) else { return false }
            guard !EntityRecognizer.notNames.contains(string(t.start, t.end)), isFree(t.start, t.end) else { return false }
            return !EntityRecognizer.notNameEndings.contains(s[t.end - 1])
        }

        // MARK: Rules

        mutating func ruleNames() {
            let toks = tokens()
            for (k, t) in toks.enumerated() where s[t.start..<t.end].contains(where: ScalarClass.isHangul) {
                interviewCaption(t)
                credit(toks, at: k)
                honorific(t, next: k + 1 < toks.count ? toks[k + 1] : nil)
                acronymOrganization(t)
                place(t, next: k + 1 < toks.count ? toks[k + 1] : nil, previous: k > 0 ? toks[k - 1] : nil)
                if title(of: t) != nil { nameBeforeTitle(toks, titleAt: k) }
            }
        }

        /// Broadcast credits: `영상편집:김유진`, `촬영기자: 홍길동`.
        mutating func credit(_ toks: [Token], at k: Int) {
            let t = toks[k]
            guard let colon = s[t.coreStart..<t.end].firstIndex(of: ":") else { return }
            let label = string(t.coreStart, colon)
            guard ["영상편집", "영상취재", "촬영기자", "촬영", "그래픽", "편집", "취재", "영상", "CG"].contains(label) else { return }
            if colon + 1 < t.coreEnd {
                if t.coreEnd - colon - 1 == 3, isKoreanName(colon + 1, t.coreEnd) { addPerson(colon + 1, t.coreEnd, title: nil) }
            } else if k + 1 < toks.count, toks[k + 1].coreEnd - toks[k + 1].coreStart == 3, isKoreanName(toks[k + 1].coreStart, toks[k + 1].coreEnd) {
                addPerson(toks[k + 1].coreStart, toks[k + 1].coreEnd, title: nil)
            }
        }

        /// `[구병삼/통일부 대변인 : "…"]`, `[한덕수/국무총리]`, and a foreign name in two words
        /// with spaces around the slash (`[토드 블란취 / 변호사 : …]`).
        mutating func interviewCaption(_ t: Token) {
            guard s[t.start] == "[" else { return }
            var j = t.start + 1
            while j < s.count, j < t.start + 14, ScalarClass.isHangul(s[j]) || s[j] == " " { j += 1 }
            guard j < s.count, s[j] == "/" else { return }
            var end = j
            while end > t.start + 1, s[end - 1] == " " { end -= 1 }
            let words = string(t.start + 1, end).split(separator: " ")
            let korean = words.count == 1 && (2...4).contains(end - t.start - 1)
            let foreign = words.count == 2 && words.allSatisfy { $0.unicodeScalars.count >= 2 }
            guard korean || foreign, isFree(t.start + 1, end) else { return }
            addPerson(t.start + 1, end, title: nil, foreign: foreign)
        }

        /// `문유성씨`, `김다니엘 씨`, `홍길동(45)씨`.
        mutating func honorific(_ t: Token, next: Token?) {
            var end = stemEnd(t)
            guard end - t.coreStart >= 3 else { return }
            var nameEnd: Int?
            if s[end - 1] == "씨" { nameEnd = end - 1 } else if let n = next, stemEnd(n) - n.coreStart == 1, s[n.coreStart] == "씨", t.coreEnd == end { nameEnd = end }
            if nameEnd == nil, let open = s[t.coreStart..<t.coreEnd].firstIndex(of: "("), open + 1 < t.coreEnd, ScalarClass.isDigit(s[open + 1]) {
                nameEnd = open
            }
            guard let ne = nameEnd else { return }
            end = ne
            let n = end - t.coreStart
            guard n == 3 || n == 4, allHangul(t.coreStart, end), EntityRecognizer.surnames.contains(s[t.coreStart]) else { return }
            addPerson(t.coreStart, end, title: nil)
        }

        /// `국가안보회의(NSC)`: a Hangul organization name with its acronym.
        mutating func acronymOrganization(_ t: Token) {
            guard let open = s[t.coreStart..<t.end].firstIndex(of: "("), open > t.coreStart else { return }
            var j = open + 1
            while j < t.end, ScalarClass.isUpper(s[j]) { j += 1 }
            guard j < t.end, s[j] == ")", j - open - 1 >= 2, j - open - 1 <= 6 else { return }
            let nameStart = t.coreStart
            guard allHangul(nameStart, open), isFree(nameStart, open) else { return }
            let name = string(nameStart, open)
            guard name.unicodeScalars.count >= 3,
                  EntityRecognizer.affiliationSuffixes.contains(where: { name.hasSuffix($0) }) || name.hasSuffix("회의") || name.hasSuffix("타임스") else { return }
            let acronym = string(open + 1, j)
            // The same acronym under two spellings is one organization.
            let i = byKey.first { $0.key.hasPrefix("organization:") && table[$0.value].aliases.contains(acronym) }?.value
                ?? index(named: name, type: .organization)
            mention(i, nameStart, open)
            mention(i, open + 1, j)
            dynamicForms.append((acronym, i))
            if table[i].name != name { dynamicForms.append((name, i)) }
        }

        /// `쿠르스크주`, `포항시`, `영통구`, `하동군`, `보스토치니 우주기지`, and a city after its
        /// state (`과나후아토주 레온`).
        mutating func place(_ t: Token, next: Token?, previous: Token?) {
            let end = stemEnd(t)
            guard allHangul(t.coreStart, end), isFree(t.coreStart, end), end - t.coreStart >= 2 else { return }
            // Most words end in neither a place suffix nor 기지 nor a kind of organization: they
            // are left before a String is made of them.
            if !Self.placeSuffixes.contains(s[end - 1]), !(s[end - 2] == "기" && s[end - 1] == "지") {
                let n = end - t.coreStart
                guard n >= 5, n <= 14, EntityRecognizer.organizationSet.longest(in: s, start: t.coreStart, end: end) != nil else { return }
            }
            let word = string(t.coreStart, end)
            var isPlace = false
            if word.hasSuffix("기지") {
                let stem = String(word.dropLast(2))
                if !EntityRecognizer.genericBaseStems.contains(stem) { isPlace = true } else if let p = previous, isNameToken(p), p.end + 1 == t.start {
                    addPlace(p.start, end, name: string(p.start, end))
                    return
                }
            } else if let last = word.unicodeScalars.last, Self.placeSuffixes.contains(last) {
                let stem = String(word.dropLast())
                guard !EntityRecognizer.notPlaceStems.contains(stem), !EntityRecognizer.notNames.contains(stem) else { return }
                switch last {
                // Korean cities and counties are known; a foreign state's name is long (`과나후아토주`).
                case "시", "군": isPlace = Places.korean.contains(stem)
                case "주": isPlace = stem.unicodeScalars.count >= 3 && !stem.hasSuffix("민") && !stem.hasSuffix("주")
                // A district follows its city (`수원시 영통구`, `서울 양천구`).
                default:
                    if let p = previous, p.coreEnd == p.end, p.end > p.start, occupied[p.end - 1] || string(p.coreStart, p.coreEnd).hasSuffix("시") {
                        isPlace = !["연구", "요구", "추구", "도구", "가구", "인구", "출구", "입구", "항구", "지구", "창구", "기구", "탐구", "복구", "청구", "욕구"].contains { word.hasSuffix($0) }
                    }
                }
                if isPlace, last == "주", let n = next, end == t.coreEnd, t.coreEnd == t.end {
                    // A city right after a state: `코아우일라주 살티요로`.
                    let ne = stemEnd(n)
                    if n.coreStart == n.start, ne - n.start >= 2, ne - n.start <= 6, allHangul(n.start, ne),
                       !EntityRecognizer.notNames.contains(string(n.start, ne)), isFree(n.start, ne), title(of: n) == nil {
                        addPlace(n.start, ne, name: string(n.start, ne))
                    }
                }
            }
            if isPlace {
                addPlace(t.coreStart, end, name: word)
                // `산루이스포토시주` is also written without 주.
                if word.hasSuffix("주"), let i = byKey["place:\(word)"] { dynamicForms.append((String(word.dropLast()), i)) }
            } else {
                longOrganization(t, end: end, word: word)
            }
        }

        /// `남북공동연락사무소`, `수원지방법원`, `중국현대국제관계연구원`: a long name ending in a
        /// kind of organization.
        mutating func longOrganization(_ t: Token, end: Int, word: String) {
            guard end - t.coreStart >= 5, end - t.coreStart <= 14 else { return }
            guard let m = EntityRecognizer.organizationSet.longest(in: s, start: t.coreStart, end: end), end - t.coreStart > m.length + 1,
                  !["연락사무소", "지역사무소", "대표사무소"].contains(word) else { return }
            let i = index(named: word, type: .organization)
            mention(i, t.coreStart, end)
            dynamicForms.append((word, i))
        }

        mutating func addPlace(_ a: Int, _ b: Int, name: String) {
            guard isFree(a, b) else { return }
            let i = index(named: name, type: .place)
            mention(i, a, b)
        }

        /// `에이드리언 왓슨 백악관 국가안보회의(NSC) 대변인`, `김상욱 무소속 의원`.
        mutating func nameBeforeTitle(_ toks: [Token], titleAt k: Int) {
            var j = k - 1
            var skipped = 0
            while j >= 0, skipped < 4, isAffiliation(toks[j]) || title(of: toks[j]) != nil {
                if occupied[toks[j].coreStart..<max(toks[j].coreStart + 1, toks[j].coreEnd)].contains(true), personCovers(toks[j]) { return }
                j -= 1
                skipped += 1
            }
            guard j >= 0 else { return }
            let t1 = toks[j]
            // Separated by a line break: not one phrase.
            if s[t1.end..<toks[j + 1].start].contains("\n") { return }
            guard isNameToken(t1) else { return }
            let titleWord = title(of: toks[k])
            if j > 0, s[toks[j - 1].end..<t1.start].allSatisfy({ $0 == " " }) {
                let t2 = toks[j - 1]
                let given = string(t2.coreStart, t2.coreEnd)
                if t2.coreEnd == t2.end, g.givenNames.contains(given) || (Self.isInitials(given)) {
                    addPerson(t2.coreStart, t1.end, title: titleWord, foreign: true)
                    return
                }
                if !isKoreanName(t1.start, t1.end), isNameToken(t2), t2.end - t2.start >= 2, startsClause(toks, before: j - 1),
                   !ScalarClass.endsInNieunOrRieul(s[t2.end - 1]) || t2.end - t2.start >= 4 {
                    addPerson(t2.start, t1.end, title: titleWord, foreign: true)
                    return
                }
            }
            let n = t1.end - t1.start
            if isKoreanName(t1.start, t1.end) || (n >= 3 && startsClause(toks, before: j) && !Self.subjectEndings.contains(s[t1.end - 1])) {
                addPerson(t1.start, t1.end, title: titleWord, foreign: !isKoreanName(t1.start, t1.end))
            }
        }

        func personCovers(_ t: Token) -> Bool {
            table.contains { w in w.type == .person && w.spans.contains { $0.start <= t.coreStart && $0.end >= t.coreEnd } }
        }

        static func isInitials(_ s: String) -> Bool { s.unicodeScalars.count == 1 && s.unicodeScalars.allSatisfy(ScalarClass.isUpper) }

        /// Whether the token before `index` ends a clause (a particle, punctuation, a line start).
        func startsClause(_ toks: [Token], before index: Int) -> Bool {
            guard index > 0 else { return true }
            let prev = toks[index - 1]
            if s[prev.end..<toks[index].start].contains("\n") { return true }
            if prev.coreEnd < prev.end { return true }
            if prev.coreEnd > prev.coreStart, prev.end - prev.start >= 2, stemEnd(prev) < prev.coreEnd { return true }
            let last = s[prev.end - 1]
            return Self.clauseEndings.contains(last)
        }

        mutating func addPerson(_ a: Int, _ b: Int, title: String?, foreign: Bool = false) {
            guard isFree(a, b) else { return }
            let name = string(a, b)
            let i = index(named: name, type: .person)
            if let title { table[i].titles.insert(title) }
            mention(i, a, b)
            dynamicForms.append((name, i))
            if foreign, let space = name.lastIndex(of: " ") {
                let last = String(name[name.index(after: space)...])
                if last.unicodeScalars.count >= 2 { dynamicForms.append((last, i)) }
            }
        }

        /// A byline name is a person when it reads as one: a Korean name, or Latin words such as
        /// `Kim Tong-hyung` (not a desk such as `iMBC 연예` or `디지털뉴스팀`).
        mutating func author(_ name: String) {
            let words = name.split(separator: " ")
            let latinName = (2...4).contains(words.count) && words.allSatisfy { w in
                w.first.map { $0.isUppercase } == true && w.unicodeScalars.allSatisfy { ScalarClass.isASCIIAlnum($0) || $0 == "-" || $0 == "." || $0 == "'" }
            }
            guard Bylines.isName(name) || latinName else { return }
            let i = index(named: name, type: .person)
            table[i].extraMentions += 1
            table[i].direct = true
            table[i].first = min(table[i].first, s.count)
            dynamicForms.append((name, i))
        }

        // MARK: Second pass

        /// Finds the names rules learned (`왓슨`, `NSC`, reporters' names) everywhere else.
        mutating func dynamicPass() {
            guard !dynamicForms.isEmpty else { return }
            var trie = ScalarTrie<Int>()
            for (form, i) in dynamicForms { trie.insert(form, i) }
            var i = 0
            while i < s.count {
                guard trie.startsWith(s[i]), !occupied[i], leftOK(i) else { i += 1; continue }
                let found = trie.matches(in: s, at: i)
                if let m = found.last(where: { rightOK(start: i, end: $0.end) && isFree(i, $0.end) }) {
                    mention(m.payloads[0], i, m.end)
                    i = m.end
                } else { i += 1 }
            }
        }

        /// `김 위원장`, `이 후보`, `한 전 대표`: a surname and a title, resolved to the person of
        /// the article with that surname (and that title, when several have the surname).
        mutating func surnameTitles() {
            let toks = tokens()
            for (k, t) in toks.enumerated() where t.coreEnd - t.coreStart == 1 && t.coreEnd == t.end {
                let c = s[t.coreStart]
                guard ScalarClass.isHangul(c), EntityRecognizer.surnames.contains(c), isFree(t.coreStart, t.coreEnd), k + 1 < toks.count else { continue }
                // `국민의힘 전 대표`, `이 전 대표`: here 전 means "former", not the surname.
                if c == "전", k > 0, toks[k - 1].coreEnd > toks[k - 1].coreStart,
                   occupied[toks[k - 1].coreEnd - 1] || toks[k - 1].coreEnd - toks[k - 1].coreStart == 1 { continue }
                var m = k + 1
                if ["전", "前", "신임"].contains(string(toks[m].coreStart, toks[m].coreEnd)), m + 1 < toks.count { m += 1 }
                let tt = toks[m]
                let wordEnd = stemEnd(tt)
                guard tt.coreStart == tt.start, let match = recognizer.titleSuffixes.longest(in: s, start: tt.coreStart, end: wordEnd),
                      wordEnd - tt.coreStart <= match.length + 3 else { continue }
                let titleWord = recognizer.titleSuffixes.words[match.word]
                let word = string(tt.coreStart, wordEnd)
                let candidates = table.indices.filter { i in
                    let w = table[i]
                    return w.type == .person && w.direct && !w.name.contains(" ") && w.name.unicodeScalars.first == c
                        && (2...4).contains(w.name.unicodeScalars.count)
                }
                guard !candidates.isEmpty else { continue }
                let titled = candidates.filter { i in table[i].titles.contains { word.hasSuffix($0) || $0.hasSuffix(titleWord) } }
                let pool = titled.isEmpty ? candidates : titled
                guard let best = pool.max(by: { table[$0].spans.count < table[$1].spans.count }) else { continue }
                mention(best, t.coreStart, t.coreEnd, alias: string(t.coreStart, t.coreEnd) + " " + titleWord)
                if m > k + 1 { for x in toks[k + 1].coreStart..<toks[k + 1].coreEnd { occupied[x] = true } }
            }
        }

        // MARK: Title and result

        mutating func titleMentions(_ title: [Unicode.Scalar]) {
            var sub = Run(recognizer: recognizer, text: title)
            sub.gazetteerPass()
            sub.compoundCountries()
            for w in sub.table where !w.spans.isEmpty {
                let i = index(named: w.name, type: w.type)
                if table[i].english == nil { table[i].english = w.english }
                if table[i].wikidata == nil { table[i].wikidata = w.wikidata }
                table[i].extraMentions += w.spans.count
                table[i].direct = true
                if table[i].first == Int.max { table[i].first = s.count }
                for a in w.aliases where a != table[i].name && !table[i].aliases.contains(a) { table[i].aliases.append(a) }
            }
            // Names found by rule in the text, seen again in the title.
            let titleText = String(String.UnicodeScalarView(title))
            for (form, w) in dynamicForms where form.unicodeScalars.count >= 2 && titleText.contains(form) && !sub.table.contains(where: { $0.name == table[w].name }) {
                table[w].extraMentions += 1
            }
        }

        mutating func result() -> [Entity] {
            // Context aliases count only for entities the article names outright.
            for hit in contextHits {
                for k in hit.start..<hit.end { occupied[k] = false }
                if table[hit.index].direct {
                    mention(hit.index, hit.start, hit.end)
                } else if let f = hit.fallback {
                    mention(index(ofEntry: f.entry), hit.start, f.end)
                }
            }
            return table.enumerated()
                .filter { !$0.element.spans.isEmpty || $0.element.extraMentions > 0 }
                .sorted { a, b in
                    let ma = a.element.spans.count + a.element.extraMentions, mb = b.element.spans.count + b.element.extraMentions
                    return ma != mb ? ma > mb : (a.element.first, a.offset) < (b.element.first, b.offset)
                }
                .map { _, w in
                    Entity(name: w.name, type: w.type, mentions: w.spans.count + w.extraMentions, aliases: w.aliases,
                           englishName: w.english, wikidata: w.wikidata, spans: w.spans.sorted { $0.start < $1.start })
                }
        }
    }
}
