extension EntityRecognizer.Run {
    /// Names the learned tagger finds where the gazetteer and the rules found nothing: a span the
    /// gazetteer knows (same type, whole name or alias) becomes its entry, any other a new entity
    /// of the tagger's type without an id (``isPlausible(_:_:_:)`` says which are kept). Each
    /// name found is then looked for again in the rest of the text (``dynamicPass()``).
    mutating func modelPass(_ tagger: EntityTagger) {
        // A Korean text is tagged whole (a line's neighbours are context too); in any other text
        // only its Korean lines are, since the tagger learned Korean and an English paragraph
        // would cost its time for nothing.
        func korean(_ a: Int, _ b: Int) -> Bool {
            var hangul = 0, letters = 0
            for k in a..<b {
                let c = s[k]
                if ScalarClass.isHangul(c) { hangul += 1; letters += 1 }
                else if c.value < 0x80 ? (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A : c.properties.isAlphabetic { letters += 1 }
            }
            return hangul > 0 && hangul * 3 >= letters
        }
        if s.count <= EntityRecognizer.taggedRunLimit, korean(0, s.count) { tagLine(tagger, 0, s.count); return }
        // Line by line, and a long line in pieces cut at a space: the tagger's tables grow with
        // what it reads at once, and a hostile page may be one line of megabytes.
        var start = 0
        while start < s.count {
            var end = start
            while end < s.count, s[end] != "\n" { end += 1 }
            var a = start
            while a < end {
                var b = min(end, a + EntityRecognizer.taggedRunLimit)
                if b < end, let space = s[a..<b].lastIndex(where: ScalarClass.isSpace), space > a { b = space }
                if korean(a, b) { tagLine(tagger, a, b) }
                a = b
            }
            start = end + 1
        }
    }

    mutating func tagLine(_ tagger: EntityTagger, _ lineStart: Int, _ lineEnd: Int) {
        for (span, margin) in tagger.scoredSpans(Array(s[lineStart..<lineEnd])) where margin >= EntityRecognizer.minimumMargin {
            var a = lineStart + span.start, b = lineStart + span.end
            // A credit's label is no part of the name (`사진=국회사진취재단`).
            if let eq = s[a..<b].lastIndex(of: "=") { a = eq + 1 }
            if isFree(a, b) {
                take(a, b, span.kind)
                continue
            }
            // KLUE tags `이탈리아 트렌토` as one place; when the gazetteer took a word of it, the
            // words left free are read on their own (places only: the free words of an
            // organization's span are pieces of its name, `1사단`, `공공서비스`).
            guard span.kind == .place else { continue }
            var k = a
            while k < b {
                while k < b, ScalarClass.isSpace(s[k]) { k += 1 }
                let ws = k
                while k < b, !ScalarClass.isSpace(s[k]) { k += 1 }
                if ws < k, ws > a || k < b, isFree(ws, k) { take(ws, k, span.kind) }
            }
        }
    }

    /// Records a tagged span `a..<b` (trimmed of spaces and edge punctuation) when it passes the
    /// checks of ``modelPass(_:)``.
    mutating func take(_ start: Int, _ end: Int, _ tagged: Entity.Kind) {
        var a = start, b = end
        while a < b, ScalarClass.isSpace(s[a]) || Self.isEdgePunctuation(s[a]) { a += 1 }
        while b > a, ScalarClass.isSpace(s[b - 1]) || Self.isEdgePunctuation(s[b - 1]) { b -= 1 }
        guard b - a >= 2, isFree(a, b), leftOK(a) || !ScalarClass.isHangul(s[a]) else { return }
        let form = string(a, b)
        guard !EntityRecognizer.genericNouns.contains(form), !EntityRecognizer.notNames.contains(form) else { return }
        guard endsAsAName(a, b) else { return }
        // A name ending in a kind of organization is one, whatever the tagger read (`울산지검`).
        let kind: Entity.Kind = EntityRecognizer.organizationEndings.longest(in: s, start: a, end: b).map { b - a > $0.length } == true
            ? .organization : tagged
        let known = recognizer.trie.matches(in: s, at: a).last { $0.end == b }?.payloads
            .first { g.entries[$0.entry].type == kind && $0.form != .context }
        guard known != nil || isPlausible(a, b, kind) else { return }
        // A form the rules found already (`왓슨` of 에이드리언 왓슨) is that entity's mention.
        let ruled = dynamicForms.first { $0.form == form && table[$0.index].type == kind }?.index
        let i = ruled ?? known.map { index(ofEntry: $0.entry) } ?? index(named: form, type: kind)
        mention(i, a, b)
        if !dynamicForms.contains(where: { $0.form == form }) { dynamicForms.append((form, i)) }
    }

    /// Whether the span ends where its word does, or where a particle, `씨` or a title begins
    /// (`미국` of `미국산` is no mention, `미국` of `미국은` is).
    func endsAsAName(_ a: Int, _ b: Int) -> Bool {
        let (rest, particle, title) = restOfWord(b)
        return rest == 0 || particle || title
    }

    /// After position `b`: how many scalars of the word remain, and whether they are a particle
    /// or a title (or `씨`).
    func restOfWord(_ b: Int) -> (count: Int, particle: Bool, title: Bool) {
        var we = b
        while we < s.count, !ScalarClass.isSpace(s[we]), !Self.isEdgePunctuation(s[we]) { we += 1 }
        guard we > b else { return (0, false, false) }
        let word = Token(start: b, end: we, coreStart: b, coreEnd: we)
        let particle = TaggerFeatures.particles.longest(in: s, start: b, end: we)?.length == we - b
        let title = s[b] == "씨" || recognizer.titleSuffixes.longest(in: s, start: b, end: stemEnd(word))
            .map { b + $0.length >= stemEnd(word) } == true
        return (we - b, particle, title)
    }

    func isPlausible(_ a: Int, _ b: Int, _ kind: Entity.Kind) -> Bool {
        // Whether a title or 씨 follows, in the same word or as the next.
        let (rest, _, titleInWord) = restOfWord(b)
        var titled = titleInWord
        if rest == 0 {
            var n = b
            while n < s.count, ScalarClass.isSpace(s[n]) { n += 1 }
            var ne = n
            while ne < s.count, !ScalarClass.isSpace(s[ne]) { ne += 1 }
            if n < ne {
                let next = Token(start: n, end: ne, coreStart: n, coreEnd: ne)
                titled = s[n] == "씨" || title(of: next) != nil
            }
        }
        let hangulOnly = s[a..<b].allSatisfy(ScalarClass.isHangul)
        if hangulOnly, b - a == 2, !titled { return false }
        switch kind {
        case .person:
            if hangulOnly, b - a == 3, !titled { return EntityRecognizer.surnames.contains(s[a]) }
            if hangulOnly, b - a > 3 { return titled }
            return true
        case .organization:
            let form = string(a, b)
            return !EntityRecognizer.namelessBodies.contains { form.hasSuffix($0) }
        case .place:
            return true
        }
    }
}

extension EntityRecognizer {
    /// The least mean margin (``EntityTagger/scoredSpans(_:)``) at which a tagged span is kept.
    /// KLUE cross-validation (`scripts/train-ner.sh`) prints precision and recall by margin.
    static let minimumMargin: Float = 30

    /// The most scalars the tagger reads at once (a text longer than this is read line by line,
    /// and a longer line in pieces), which bounds its memory at a few hundred kilobytes.
    static let taggedRunLimit = 8192

    /// Endings that make a name an organization's: prosecutors' offices and courts, police,
    /// committees, universities, public corporations, foundations, banks, newspapers.
    static let organizationEndings = SuffixSet(["지검", "고검", "지청", "지법", "고법", "검찰청", "경찰서", "경찰청", "위원회", "대학교",
                                                "공사", "공단", "재단", "협회", "연구원", "연구소", "은행", "일보", "신문", "방송", "통신"])

    /// Ends of organization spans that name a kind of body, not one body (`연방 정부`).
    static let namelessBodies = ["정부", "당국", "재판부", "중앙은행"]

    /// Common nouns the tagger learned as organizations from KLUE's annotation, which tags the
    /// police or the government as one, while NewsKit's entities are named bodies only.
    static let genericNouns: Set<String> = [
        "경찰", "검찰", "정부", "여당", "야당", "당국", "법원", "소방당국", "군", "군당국", "정치권", "재계", "업계", "학계",
        "경찰청장", "우리", "국민", "시민", "주민", "네티즌", "누리꾼", "언론", "방송", "기업", "회사", "학교", "대학", "병원",
    ]
}
