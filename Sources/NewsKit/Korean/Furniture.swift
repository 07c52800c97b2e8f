import Foundation

/// Page furniture: text on a news page that is not the article (controls, counters, banners,
/// notices, tickers), recognized block by block.
public enum Furniture {
    /// Why a block is furniture.
    public enum Kind: String, Sendable, Hashable {
        case fontSizeControl, reaction, shareBar, cookieBanner, tipLine, copyright, ticker, goToTop, navigation, boardChrome
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
    public static func kind(of text: String) -> Kind? {
        let t = text.trimmingSpaces()
        if t.isEmpty { return .navigation }
        let bytes = t.byteCount
        // Controls, counters and table cells are short: their sets are only consulted then.
        if bytes <= 60 {
            let compact = t.has(" ") ? String(t.filter { $0 != " " }) : t
            if fontSizeControls.contains(t) || fontSizeControls.contains(compact) { return .fontSizeControl }
            if shareWords.contains(t) || shareWords.contains(compact) { return .shareBar }
            if navigationWords.contains(t) { return .navigation }
            if tickerWords.contains(t) || tickerWords.contains(compact) { return .ticker }
            if isReaction(compact) { return .reaction }
            if isNumericCell(compact) { return .ticker }
            if isMarketDate(compact) { return .ticker }
        }
        if bytes <= 120 && isDateStamp(t) { return .dateStamp }
        // A reporter box: `보도국 사회2부이메일 보내기`, `홍길동 기자 구독하기`.
        if bytes <= 120 && (t.hasByteSuffix("이메일 보내기") || t.hasByteSuffix("이메일보내기") || t.hasByteSuffix("메일 보내기") || t.hasByteSuffix("기자 구독")
                            || t.hasByteSuffix("기자구독") || t.hasByteSuffix("구독하기")) {
            return .shareBar
        }
        guard bytes <= 900 else { return nil }   // about 300 Hangul syllables: longer text is not furniture
        if t.has("쿠키를 사용") || t.has("쿠키 사용") || t.has("개인정보 보호 정책을 읽") || t.has("개인정보처리방침에 동의") {
            return .cookieBanner
        }
        if t.has("ookie") {
            let lower = t.lowercased()
            if lower.has("cookie") && (lower.has("accept") || lower.has("use")) { return .cookieBanner }
        }
        if isCopyright(t) { return .copyright }
        if isTipLine(t) { return .tipLine }
        if t.has("최상단으로 이동") || t.has("최하단으로 이동") || t == "맨 위로" || t == "맨위로" || t == "위로가기" || t == "맨 위로 가기" {
            return .goToTop
        }
        if t.hasBytePrefix("홈 >") || t.hasBytePrefix("HOME >") || t.hasBytePrefix("Home >") || t.hasBytePrefix("홈 〉") { return .navigation }
        if t.hasByteSuffix("변동률 기준") || t.hasBytePrefix("실시간 암호화폐 시세") || t.hasBytePrefix("오늘의 상승종목") || t.hasBytePrefix("오늘의 하락종목") {
            return .ticker
        }
        return nil
    }

    public static func isFurniture(_ text: String) -> Bool { kind(of: text) != nil }

    static let dateLabels = KoreanDates.publishedLabels + KoreanDates.updatedLabels

    /// A line that opens with a date label and a date (`입력 2020.08.27 20:27 | 수정 …`).
    static func isDateStamp(_ t: String) -> Bool {
        guard let lead = t.utf8.first, lead >= 0xE0 || lead == 0x5B || lead == 0x7C || lead == 0x28 || (lead >= 0x41 && lead <= 0x5A) else { return false }
        let stripped = t.drop { $0 == "[" || $0 == "|" || $0 == "(" || $0 == " " }
        guard let label = dateLabels.first(where: { stripped.hasBytePrefix($0) }) else { return false }
        let after = stripped.dropFirst(label.count).drop { $0 == " " || $0 == ":" || $0 == "|" || $0 == "\u{A0}" }
        guard let first = after.first, first.isNumber else { return false }
        return !KoreanDates.find(in: String(after)).isEmpty
    }

    static let reactionKeys: [[UInt8]] = reactionWords.map { Array($0.utf8.filter { $0 != 0x20 }) }

    /// `좋아요0`, `화나요 12`, `추가취재 원해요0`.
    static func isReaction(_ compact: String) -> Bool {
        var copy = compact
        return copy.withUTF8 { b in
            for key in reactionKeys where b.count >= key.count && b.starts(with: key) {
                var i = key.count
                while i < b.count && ((b[i] >= 0x30 && b[i] <= 0x39) || b[i] == 0x2C) { i += 1 }
                if i == b.count { return true }
            }
            return false
        }
    }

    /// A table cell of a market widget: `87,810,000`, `-1.27%`, `+1.81%`, `736`.
    static func isNumericCell(_ compact: String) -> Bool {
        guard !compact.isEmpty, compact.count <= 16 else { return false }
        var digits = 0
        for c in compact {
            if c.isNumber { digits += 1; continue }
            if ",.%+-▲▼".contains(c) { continue }
            return false
        }
        return digits > 0
    }

    /// `05.07 장종료`, `05.07장종료`.
    static func isMarketDate(_ compact: String) -> Bool {
        (compact.hasByteSuffix("장종료") || compact.hasByteSuffix("장마감") || compact.hasByteSuffix("기준")) && compact.count <= 14
            && compact.first?.isNumber == true
    }

    static func isCopyright(_ t: String) -> Bool {
        if t.hasBytePrefix("Copyright") || t.hasBytePrefix("COPYRIGHT") || t.hasBytePrefix("copyright") { return true }
        if t.has("ights reserved") || t.has("IGHTS RESERVED") { return true }
        if t.hasAny(["무단전재", "무단 전재", "재배포 금지", "재배포금지", "AI학습 이용 금지", "AI 학습 및 활용 금지"]) {
            return !t.has("국내에서만 사용가능")   // photo-desk notices belong to captions
        }
        if (t.hasBytePrefix("ⓒ") || t.hasBytePrefix("©") || t.hasBytePrefix("저작권자")) && t.byteCount <= 360 { return true }
        return false
    }

    /// News tip lines: `제보하기 ▷ 전화 : 02-…`, `이메일 : …@…`, `카카오톡 : 'KBS제보' 검색`.
    static func isTipLine(_ t: String) -> Bool {
        if t.hasBytePrefix("제보하기") || t.hasBytePrefix("▷ 전화") || t.hasBytePrefix("▷ 이메일") || t.hasBytePrefix("▷ 카카오톡") { return true }
        if t.hasBytePrefix("이메일 :") || t.hasBytePrefix("이메일:") || t.hasBytePrefix("카카오톡 :") || t.hasBytePrefix("카카오톡:") || t.hasBytePrefix("전화 :") {
            return true
        }
        if t.byteCount <= 360 && t.has("제보") && (t.has("카카오톡") || t.has("전화") || t.has("이메일") || t.has("@")) { return true }
        if t.byteCount <= 200 && t.has("제보를 기다립니다") { return true }
        if t.has("구독해주세요") || t.has("구독하기 버튼") || t.has("채널 추가") { return true }
        return false
    }
}
