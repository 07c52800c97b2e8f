import Foundation

/// Page furniture: text on a news page that is not the article (controls, counters, banners,
/// notices, tickers), recognized block by block.
public enum Furniture {
    /// Why a block is furniture.
    public enum Kind: String, Sendable, Hashable {
        /// Text-size and print controls: `가장작게`, `글자크기`, `+가`, `인쇄`.
        case fontSizeControl
        /// A reaction button with its count: `좋아요0`, `추가취재 원해요 3`.
        case reaction
        /// Share, scrap, comment and subscribe buttons, or a reporter box ending `이메일 보내기`, `기자 구독`.
        case shareBar
        /// A cookie or privacy-consent notice.
        case cookieBanner
        /// A call for news tips or subscriptions: `제보하기`, `▷ 이메일:`, `제보를 기다립니다`, `구독해주세요`.
        case tipLine
        /// A copyright or reuse notice: `Copyright …`, `ⓒ …`, `저작권자 …`, `무단전재 및 재배포 금지`
        /// (a photo desk's usage notice is a caption's, not this).
        case copyright
        /// A market widget: index names, prices and percentages, `05.07 장종료`.
        case ticker
        /// A back-to-top link: `맨 위로`, `최상단으로 이동`.
        case goToTop
        /// Menus, breadcrumbs (`홈 > 정치`), buttons (`목록`, `다음글`, `로그인`); also an empty block.
        case navigation
        /// A bulletin board's chrome around a post; ``kind(of:)`` does not return it at present.
        case boardChrome
        /// `입력 2020.08.27 20:27`, `기사입력 2023-04-07 08:26 수정 …`: the page's date line.
        case dateStamp
    }

    static let fontSizeControls: Set<String> = ["가장작게", "작게", "기본", "크게", "가장크게", "글자크기", "글씨크기", "글자크기설정",
                                                "글자 크기", "폰트크기", "가", "-가", "+가", "확대", "축소", "인쇄", "프린트", "인쇄하기"]
    static let shareWords: Set<String> = ["공유", "공유하기", "기사공유", "스크랩", "북마크", "페이스북", "트위터", "엑스", "카카오톡",
                                          "카카오스토리", "카카오", "밴드", "네이버블로그", "네이버", "라인", "URL복사", "링크복사", "주소복사",
                                          "댓글", "댓글쓰기", "구독", "구독하기", "기자구독", "facebook", "twitter", "kakao", "SNS 공유",
                                          "메일", "이메일보내기", "더보기", "닫기", "저장"]
    static let navigationWords: Set<String> = ["거부", "수락", "동의", "허용", "모두 허용", "모두 수락", "확인", "취소", "이전", "다음", "목록", "이전글", "다음글", "홈", "HOME", "전체메뉴", "메뉴", "검색", "로그인",
                                               "회원가입", "로그아웃", "마이페이지", "기사목록", "다른기사 보기", "다른 기사 보기", "Top", "TOP"]
    static let reactionWords = ["좋아요", "화나요", "슬퍼요", "추가취재 원해요", "추가취재원해요", "후속기사 원해요", "후속기사원해요", "훈훈해요",
                                "놀랐어요", "감동이에요", "웃겨요", "기사추천", "추천", "반대", "공감", "비공감", "최고예요", "응원해요",
                                "싫어요", "기뻐요", "궁금해요", "쏠쏠정보", "흥미진진", "공감백배", "분석탁월", "후속강추"]
    static let tickerWords: Set<String> = ["장종료", "장중", "종목", "현재가", "현재가(원)", "변동률", "등락률", "거래량", "시세", "코스피", "코스닥",
                                           "환율", "원/달러", "국제유가", "금값"]

    /// The furniture kind of a block's text, or nil when it may be article text.
    /// - Parameter text: a block's text; text over 900 UTF-8 bytes is never furniture.
    /// - Returns: why the block is furniture; ``Kind/navigation`` for blank text; nil when it
    ///   may be article text.
    public static func kind(of text: String) -> Kind? {
        let t = text.trimmingSpaces()
        if t.isEmpty { return .navigation }
        let bytes = t.byteCount
        // Controls, counters and table cells are short: their sets are only consulted then.
        if bytes <= 60 {
            // Byte keys: hashing a String normalizes it, which costs more than the lookup.
            let raw = Array(t.utf8)
            if bytes <= longestShortWord, let k = shortWords[raw] { return k }
            var compact = raw
            if raw.contains(0x20) {
                compact.removeAll { $0 == 0x20 }
                if compact.count <= longestShortWord, let k = shortWords[compact] { return k }
            }
            if isReaction(compact) { return .reaction }
            if isNumericCell(compact) { return .ticker }
            if isMarketDate(compact) { return .ticker }
        }
        guard bytes <= 900 else { return nil }   // about 300 Hangul syllables: longer text is not furniture
        // Most tests look at how the text starts or ends: look at those characters once and run
        // only the tests that can match.
        let scalars = t.unicodeScalars
        let first = scalars.first!, last = scalars.last!
        if bytes <= 120 {
            if dateStampStarts.contains(first) && isDateStamp(t) { return .dateStamp }
            // A reporter box: `보도국 사회2부이메일 보내기`, `홍길동 기자 구독하기`.
            if (last == "기" || last == "독") && (t.hasByteSuffix("이메일 보내기") || t.hasByteSuffix("이메일보내기") || t.hasByteSuffix("메일 보내기")
                                                 || t.hasByteSuffix("기자 구독") || t.hasByteSuffix("기자구독") || t.hasByteSuffix("구독하기")) {
                return .shareBar
            }
        }
        switch first {
        case "C", "c":
            if t.hasBytePrefix("Copyright") || t.hasBytePrefix("COPYRIGHT") || t.hasBytePrefix("copyright") { return .copyright }
        case "ⓒ", "©", "저":
            if bytes <= 360 && (first != "저" || t.hasBytePrefix("저작권자")) { return .copyright }
        case "제", "▷", "이", "카", "전":
            if tipPrefixes.contains(where: { t.hasBytePrefix($0) }) { return .tipLine }
        case "홈", "H":
            if t.hasBytePrefix("홈 >") || t.hasBytePrefix("HOME >") || t.hasBytePrefix("Home >") || t.hasBytePrefix("홈 〉") { return .navigation }
        case "실", "오":
            if t.hasBytePrefix("실시간 암호화폐 시세") || t.hasBytePrefix("오늘의 상승종목") || t.hasBytePrefix("오늘의 하락종목") { return .ticker }
        case "맨", "위":
            if t == "맨 위로" || t == "맨위로" || t == "위로가기" || t == "맨 위로 가기" { return .goToTop }
        default:
            break
        }
        if last == "준" && t.hasByteSuffix("변동률 기준") { return .ticker }
        // Everything else looks inside the text: one pass finds every phrase that matters.
        let found = inside.matches(in: t)
        if found == 0 { return nil }
        func any(_ group: Inside) -> Bool { found & insideMasks[group.rawValue] != 0 }
        if any(.cookie) { return .cookieBanner }
        if any(.ookie) {
            let lower = t.lowercased()
            if lower.has("cookie") && (lower.has("accept") || lower.has("use")) { return .cookieBanner }
        }
        if any(.rightsReserved) { return .copyright }
        if any(.reuseBan) && !any(.photoDesk) { return .copyright }   // photo-desk notices belong to captions
        if any(.tipReport) && bytes <= 360 && (any(.tipChannel) || t.utf8.contains(0x40)) { return .tipLine }
        if any(.tipWaiting) && bytes <= 200 { return .tipLine }
        if any(.subscribe) { return .tipLine }
        if any(.goToTop) { return .goToTop }
        return nil
    }

    /// What the phrases of ``insidePhrases`` stand for.
    enum Inside: Int, CaseIterable {
        case cookie, ookie, rightsReserved, reuseBan, photoDesk, tipReport, tipChannel, tipWaiting, subscribe, goToTop
    }

    /// The phrases ``kind(of:)`` looks for inside a text.
    static let insidePhrases: [(String, Inside)] = [
        ("쿠키를 사용", .cookie), ("쿠키 사용", .cookie), ("개인정보 보호 정책을 읽", .cookie), ("개인정보처리방침에 동의", .cookie),
        ("ookie", .ookie), ("ights reserved", .rightsReserved), ("IGHTS RESERVED", .rightsReserved),
        ("무단전재", .reuseBan), ("무단 전재", .reuseBan), ("재배포 금지", .reuseBan), ("재배포금지", .reuseBan),
        ("AI학습 이용 금지", .reuseBan), ("AI 학습 및 활용 금지", .reuseBan), ("국내에서만 사용가능", .photoDesk),
        ("제보", .tipReport), ("카카오톡", .tipChannel), ("전화", .tipChannel), ("이메일", .tipChannel),
        ("제보를 기다립니다", .tipWaiting), ("구독해주세요", .subscribe), ("구독하기 버튼", .subscribe), ("채널 추가", .subscribe),
        ("최상단으로 이동", .goToTop), ("최하단으로 이동", .goToTop), ("최상단으로 가기", .goToTop), ("페이지 상단으로", .goToTop),
    ]
    static let inside = NeedleSet(insidePhrases.map(\.0))
    /// For each ``Inside`` group, the bits of its phrases.
    static let insideMasks: [UInt64] = Inside.allCases.map { g in
        insidePhrases.enumerated().reduce(0) { $0 | ($1.element.1 == g ? 1 << UInt64($1.offset) : 0) }
    }

    /// The first characters a date line can start with: a label's first letter, or `[`, `|`, `(`.
    static let dateStampStarts: Set<Unicode.Scalar> = Set(dateLabels.compactMap { $0.unicodeScalars.first } + ["[", "|", "("])
    static let tipPrefixes = ["제보하기", "▷ 전화", "▷ 이메일", "▷ 카카오톡", "이메일 :", "이메일:", "카카오톡 :", "카카오톡:", "전화 :"]

    /// Whether a block's text is page furniture rather than article text.
    /// - Parameter text: a block's text.
    /// - Returns: true when ``kind(of:)`` names a kind.
    public static func isFurniture(_ text: String) -> Bool { kind(of: text) != nil }

    /// The short control words with their kind, as written and without spaces (one lookup
    /// instead of four; `글자 크기` and `글자크기` alike).
    static let shortWords: [[UInt8]: Kind] = {
        var d: [[UInt8]: Kind] = [:]
        for (words, kind) in [(tickerWords, Kind.ticker), (navigationWords, .navigation), (shareWords, .shareBar), (fontSizeControls, .fontSizeControl)] {
            for w in words {
                d[Array(w.utf8)] = kind
                d[Array(w.utf8).filter { $0 != 0x20 }] = kind
            }
        }
        return d
    }()

    /// The byte length of the longest of ``shortWords``: longer text need not be looked up.
    static let longestShortWord = shortWords.keys.map(\.count).max() ?? 0

    static let dateLabels = KoreanDates.publishedLabels + KoreanDates.updatedLabels

    /// A line that opens with a date label and a date (`입력 2020.08.27 20:27 | 수정 …`).
    static func isDateStamp(_ t: String) -> Bool {
        guard let lead = t.utf8.first, lead >= 0xE0 || lead == 0x5B || lead == 0x7C || lead == 0x28 || (lead >= 0x41 && lead <= 0x5A) else { return false }
        // A label is at most a few words: the date's first digit comes early.
        guard let digit = t.utf8.prefix(32).firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }), t.utf8.distance(from: t.utf8.startIndex, to: digit) >= 2 else {
            return false
        }
        let stripped = t.drop { $0 == "[" || $0 == "|" || $0 == "(" || $0 == " " }
        guard let label = dateLabels.first(where: { stripped.hasBytePrefix($0) }) else { return false }
        let after = stripped.dropFirst(label.count).drop { $0 == " " || $0 == ":" || $0 == "|" || $0 == "\u{A0}" }
        guard let first = after.first, first.isNumber else { return false }
        return !KoreanDates.find(in: String(after)).isEmpty
    }

    static let reactionKeys: [[UInt8]] = reactionWords.map { Array($0.utf8.filter { $0 != 0x20 }) }

    /// `좋아요0`, `화나요 12`, `추가취재 원해요0`.
    /// The first syllables of ``reactionWords`` as 24-bit codes.
    static let reactionStarts: Set<UInt32> = Set(reactionKeys.filter { $0.count >= 3 }.map { UInt32($0[0]) << 16 | UInt32($0[1]) << 8 | UInt32($0[2]) })

    static func isReaction(_ b: [UInt8]) -> Bool {
        guard b.count >= 3, reactionStarts.contains(UInt32(b[0]) << 16 | UInt32(b[1]) << 8 | UInt32(b[2])) else { return false }
        for key in reactionKeys where b.count >= key.count && b.starts(with: key) {
            var i = key.count
            while i < b.count && ((b[i] >= 0x30 && b[i] <= 0x39) || b[i] == 0x2C) { i += 1 }
            if i == b.count { return true }
        }
        return false
    }

    /// A table cell of a market widget: `87,810,000`, `-1.27%`, `+1.81%`, `736` (spaces removed).
    static func isNumericCell(_ b: [UInt8]) -> Bool {
        guard !b.isEmpty, b.count <= 40 else { return false }
        var digits = 0
        var chars = 0
        var i = 0
        while i < b.count {
            let c = b[i]
            chars += 1
            if c >= 0x30 && c <= 0x39 { digits += 1; i += 1; continue }
            if c == 0x2C || c == 0x2E || c == 0x25 || c == 0x2B || c == 0x2D { i += 1; continue }
            // ▲ E2 96 B2, ▼ E2 96 BC
            if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x96, b[i + 2] == 0xB2 || b[i + 2] == 0xBC { i += 3; continue }
            return false
        }
        return digits > 0 && chars <= 16
    }

    static let marketSuffixes: [[UInt8]] = ["장종료", "장마감", "기준"].map { Array($0.utf8) }

    /// `05.07 장종료`, `05.07장종료` (spaces removed).
    static func isMarketDate(_ b: [UInt8]) -> Bool {
        guard let first = b.first, first >= 0x30 && first <= 0x39, b.count <= 40 else { return false }
        return marketSuffixes.contains { b.count >= $0.count && b.suffix($0.count).elementsEqual($0) }
    }
}
