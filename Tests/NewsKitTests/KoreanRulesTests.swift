import Foundation
import Testing
import NewsKit
@testable import NewsKitHTML
@testable import NewsKitCore
@testable import NewsKitFetching
@testable import NewsKitSQLite

/// The shared Korean rules, each on strings copied from the seeds and the Korean corpus.
@Suite struct KoreanDatesTests {
    static func iso(_ text: String, role: KoreanDates.Role? = nil) -> [String] {
        KoreanDates.find(in: text).filter { role == nil || $0.role == role }.map { $0.instant.iso8601 }
    }

    @Test(arguments: [
        ("입력 2023-09-05 14:41 수정 2023-09-11 17:57", "2023-09-05T14:41:00+09:00", "2023-09-11T17:57:00+09:00"),   // 이투데이 (seed 003)
        ("송고 2025년08월13일 08시00분", "2025-08-13T08:00:00+09:00", nil),                                              // 연합뉴스 (seed 000)
        ("작성자 최고관리자 작성일25-08-13 11:06 조회19회", "2025-08-13T11:06:00+09:00", nil),                            // gnuboard (seed 000)
        ("입력 2025.05.15 20:00 수정 2025.05.15 20:51", "2025-05-15T20:00:00+09:00", "2025-05-15T20:51:00+09:00"),       // 한국일보
        ("입력 : 2025-06-04 02:37:08", "2025-06-04T02:37:08+09:00", nil),                                               // MBN
        ("기사입력 2013-10-24 03:00:00 기사수정 2013-10-24 03:00:00", "2013-10-24T03:00:00+09:00", "2013-10-24T03:00:00+09:00"), // 동아일보
        ("입력 2023.11.02. 오후 8:06 기사원문", "2023-11-02T20:06:00+09:00", nil),                                       // 네이버 뉴스
        ("입력 2023.04.07 (08:26) 수정 2023.04.07 (09:10)", "2023-04-07T08:26:00+09:00", "2023-04-07T09:10:00+09:00"),   // KBS
        ("기사입력 2023-04-04 19:02 l 최종수정 2023-04-04 19:40", "2023-04-04T19:02:00+09:00", "2023-04-04T19:40:00+09:00"), // MBN
        ("입력 2023-03-29 16:56 | 수정 2023-03-29 17:01", "2023-03-29T16:56:00+09:00", "2023-03-29T17:01:00+09:00"),     // MBC
    ] as [(String, String, String?)])
    func headerLinesGivePublishedAndUpdatedInstants(_ line: String, _ published: String, _ updated: String?) {
        let found = KoreanDates.publishedAndUpdated(in: line)
        #expect(found.published?.iso8601 == published)
        #expect(found.updated?.iso8601 == updated)
    }

    @Test func morningAndAfternoonMarkers() {
        #expect(Self.iso("2018. 4. 29. 오후 5:12") == ["2018-04-29T17:12:00+09:00"])
        #expect(Self.iso("2018.04.29 오전 12:30") == ["2018-04-29T00:30:00+09:00"])
        #expect(Self.iso("2023년 9월 5일 (화) 오후 2시 41분") == ["2023-09-05T14:41:00+09:00"])
        #expect(Self.iso("2018. 4. 29. 17:12") == ["2018-04-29T17:12:00+09:00"])
        #expect(Self.iso("5:12 PM 2018") == [])
    }

    @Test func twoDigitYearsPivotAt70() {
        #expect(Self.iso("25-08-13 11:06") == ["2025-08-13T11:06:00+09:00"])
        #expect(Self.iso("98.03.01") == ["1998-03-01T00:00:00+09:00"])
    }

    @Test func isoWithOffsetKeepsItsOffset() {
        #expect(Self.iso("2025-08-13T08:00:00+09:00") == ["2025-08-13T08:00:00+09:00"])
        #expect(KoreanDates.find(in: "2023-04-19T09:52:00Z").first?.instant.iso8601 == "2023-04-19T09:52:00Z")
    }

    @Test func notDates() {
        #expect(Self.iso("10~13일 포럼 참석 계기로 회동 전망").isEmpty)
        #expect(Self.iso("87,810,000 -1.27%").isEmpty)
        #expect(Self.iso("2019년 13월 40일").isEmpty)
        #expect(Self.iso("등록번호 서울 아 51553").isEmpty)
    }

    @Test func aDayWithoutATimeIsMidnightAndSaysSo() {
        let m = KoreanDates.find(in: "2019년 4월 25일 러시아 블라디보스토크에서")
        #expect(m.first?.instant.iso8601 == "2019-04-25T00:00:00+09:00")
        #expect(m.first?.hasTime == false)
    }
}

@Suite struct BylineTests {
    @Test func yonhapDatelineWithTwoReporters() throws {
        let d = try #require(Bylines.dateline(in: "(모스크바·서울=연합뉴스) 최인영 특파원 박수윤 기자 = 김정은 북한 국무위원장이 블라디미르 푸틴 러시아 대통령과 12일 전화 통화를 했다."))
        #expect(d.place == "모스크바·서울")
        #expect(d.agency == "연합뉴스")
        #expect(d.authors == [Author(name: "최인영", role: "특파원"), Author(name: "박수윤", role: "기자")])
        #expect(d.rest == "김정은 북한 국무위원장이 블라디미르 푸틴 러시아 대통령과 12일 전화 통화를 했다.")
    }

    @Test func otherAgencyDatelineShapes() throws {
        let n = try #require(Bylines.dateline(in: "[서울=뉴시스]홍길동 기자 = 국회는 …"))
        #expect(n.agency == "뉴시스")
        #expect(n.authors.map(\.name) == ["홍길동"])
        let one = try #require(Bylines.dateline(in: "(서울=뉴스1) 김철수·이영희 기자 = 정부는 …"))
        #expect(one.authors.map(\.name) == ["김철수", "이영희"])
        #expect(one.authors.allSatisfy { $0.role == "기자" })
        #expect(Bylines.dateline(in: "(사진=연합뉴스) 기자회견 모습") == nil)
        #expect(Bylines.dateline(in: "김정은 북한 국무위원장이 (현지시간) 밝혔다") == nil)
    }

    @Test func bylineLines() {
        #expect(Bylines.bylineLine("김서영 기자 sykim@etoday.co.kr") == [Author(name: "김서영", role: "기자", email: "sykim@etoday.co.kr")])
        #expect(Bylines.bylineLine("박민규 기자(pmk@etoday.co.kr)") == [Author(name: "박민규", role: "기자", email: "pmk@etoday.co.kr")])
        #expect(Bylines.bylineLine("/ 홍길동 논설위원") == [Author(name: "홍길동", role: "논설위원")])
        #expect(Bylines.bylineLine("글·사진=오세훈 기자")?.map(\.name) == ["오세훈"])
        #expect(Bylines.bylineLine("김 위원장은 북한은 전했다") == nil)
        #expect(Bylines.bylineLine("푸틴 대통령의 발언") == nil)
    }

    @Test func placesBeforeNamesAreADatelineNotNames() {
        #expect(Bylines.bylineLine("순천, 광양 구현모 기자 ninek@hankookilbo.com") == [Author(name: "구현모", role: "기자", email: "ninek@hankookilbo.com")])
        #expect(Bylines.bylineLine("워싱턴 홍길동 특파원")?.map(\.name) == ["홍길동"])
        // Two reporters stay two reporters.
        #expect(Bylines.bylineLine("김철수 이영희 기자")?.map(\.name) == ["김철수", "이영희"])
    }

    @Test func unnamedCoAuthorsAndOutletsAreDropped() {
        #expect(Bylines.bylineLine("박준석 기자 외 1명")?.map(\.name) == ["박준석"])
        #expect(Bylines.parseNames("박준석기자외1명")?.map(\.name) == ["박준석"])
        #expect(Bylines.bylineLine("이남경 MK스포츠 기자(mkculture3@mkculture.com)") == [Author(name: "이남경", role: "기자", email: "mkculture3@mkculture.com")])
    }

    @Test func bracketedOutletBylines() throws {
        let a = try #require(Bylines.dateline(in: "[헤럴드경제=한지숙 기자] 경찰이 압수수색에 나섰다."))
        #expect(a.agency == "헤럴드경제" && a.place == nil && a.authors.map(\.name) == ["한지숙"] && a.rest == "경찰이 압수수색에 나섰다.")
        let b = try #require(Bylines.dateline(in: "[부산=스포츠조선 선수민 기자] 롯데 노경은이 무너졌다."))
        #expect(b.place == "부산" && b.agency == "스포츠조선" && b.authors.map(\.name) == ["선수민"])
        let c = try #require(Bylines.dateline(in: "[OSEN=대전, 지형준 기자] 7일 경기가 열렸다."))
        #expect(c.agency == "OSEN" && c.authors.map(\.name) == ["지형준"])
        let d = try #require(Bylines.dateline(in: "[이데일리 조민정 기자] 국민의힘 비상대책위원회"))
        #expect(d.agency == "이데일리" && d.authors.map(\.name) == ["조민정"])
        #expect(Bylines.dateline(in: "[사진=연합뉴스 제공] 회견") == nil)
        #expect(Bylines.dateline(in: "[홍길동 김철수 기자] 회견")?.agency == nil)
    }

    @Test func leadTagsAndEmails() {
        let s = Bylines.stripLeadTag("[동포투데이]러시아 크렘린궁은 12일(현지시각)", sites: ["동포투데이"])
        #expect(s.text == "러시아 크렘린궁은 12일(현지시각)")
        #expect(s.tag == "동포투데이")
        #expect(Bylines.stripLeadTag("[단독] 제목", sites: ["동포투데이"]).tag == nil)
        #expect(Emails.all(in: "clap@yna.co.kr") == ["clap@yna.co.kr"])
        #expect(Emails.isEmailOnlyLine("abbie@yna.co.kr"))
        #expect(!Emails.isEmailOnlyLine("문의: abbie@yna.co.kr"))
        #expect(Emails.all(in: "김 기자(kim.a-b@mbc.co.kr). 다음") == ["kim.a-b@mbc.co.kr"])
    }
}

@Suite struct CaptionTests {
    @Test func yonhapPhotoDeskCaption() {
        let text = "(평양 조선중앙통신=연합뉴스) 러시아를 방문 중인 김정은 북한 국무위원장이 13일(현지시간) 러시아 아무르주 보스토치니 우주기지에서 블라디미르 푸틴 러시아 대통령과 상봉했다고 조선중앙통신이 14일 보도했다. 2023.9.14 [국내에서만 사용가능. 재배포 금지. For Use Only in the Republic of Korea. No Redistribution] nkphoto@yna.co.kr"
        #expect(Captions.looksLikeCaption(text))
        let p = Captions.parse(text)
        #expect(p.credit == "조선중앙통신")
        #expect(p.place == "평양")
        #expect(p.caption == "러시아를 방문 중인 김정은 북한 국무위원장이 13일(현지시간) 러시아 아무르주 보스토치니 우주기지에서 블라디미르 푸틴 러시아 대통령과 상봉했다고 조선중앙통신이 14일 보도했다.")
    }

    @Test func etodayTriangleCaptionWithPlaceAndCredit() {
        let p = Captions.parse("▲2019년 4월 25일 러시아 블라디보스토크에서 김정은(왼쪽) 북한 국무위원장과 블라디미르 푸틴 러시아 대통령이 사진을 찍고 있다. 블라디보스토크(러시아)/로이터연합뉴스")
        #expect(p.caption == "2019년 4월 25일 러시아 블라디보스토크에서 김정은(왼쪽) 북한 국무위원장과 블라디미르 푸틴 러시아 대통령이 사진을 찍고 있다.")
        #expect(p.credit == "로이터연합뉴스")
        #expect(p.place == "블라디보스토크(러시아)")
    }

    @Test func otherCreditForms() {
        #expect(Captions.parse("△제14회 발표회(10.20) 개최식 기념촬영 © 지구촌한글학교미래포럼").credit == "지구촌한글학교미래포럼")
        #expect(Captions.parse("두만강 자동차 다리 착공식. [사진=조선중앙통신]").credit == "조선중앙통신")
        #expect(Captions.parse("국방부 청사 [국방부 제공. 재판매 및 DB 금지]") == Captions.Parsed(caption: "국방부 청사", credit: "국방부", place: nil))
        #expect(Captions.parse("평양에 도착한 대표단. 사진=조선중앙통신").credit == "조선중앙통신")
        #expect(Captions.isCreditLabel("사진 출처"))
    }

    @Test func englishPhotoCreditsMarkCaptions() {
        #expect(Captions.looksLikeCaption("Protesters have worn masks to protect their identities (Image: GETTY )"))
        #expect(Captions.looksLikeCaption("Defense Secretary Mark Esper, left, shakes hands in Hanoi. (AP Photo/Hau Dinh)"))
        #expect(!Captions.looksLikeCaption("The minister said the talks would continue (in private)."))
    }

    @Test func bodySentencesAreNotCaptions() {
        #expect(!Captions.looksLikeCaption("북한과 러시아가 군사적 밀착을 강화하고 있다."))
        #expect(!Captions.looksLikeCaption("김 위원장과 푸틴 대통령은 2019년 4월 러시아 블라디보스토크에서 첫 정상회담을 가졌다."))
    }
}

@Suite struct FurnitureTests {
    @Test(arguments: ["가장작게", "작게", "기본", "크게", "가장크게"])
    func fontSizeControls(_ text: String) { #expect(Furniture.kind(of: text) == .fontSizeControl) }

    @Test(arguments: ["좋아요0", "화나요0", "슬퍼요0", "추가취재 원해요0", "좋아요 12"])
    func reactionCounts(_ text: String) { #expect(Furniture.kind(of: text) == .reaction) }

    @Test func bannersNoticesAndWidgets() {
        #expect(Furniture.kind(of: "이 웹사이트는 쿠키를 사용합니다") == .cookieBanner)
        #expect(Furniture.kind(of: "사이트를 개선하기 위해 분석을 위한 쿠키를 사용합니다. 자세한 내용은 개인정보 보호 정책을 읽으세요.") == .cookieBanner)
        #expect(Furniture.kind(of: "제보하기 ▷ 전화 : 02-781-1234, 4444") == .tipLine)
        #expect(Furniture.kind(of: "카카오톡 : 'KBS제보' 검색, 채널 추가") == .tipLine)
        #expect(Furniture.kind(of: "네이버, 유튜브에서 KBS뉴스를 구독해주세요!") == .tipLine)
        #expect(Furniture.kind(of: "<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>") == .copyright)
        #expect(Furniture.kind(of: "Copyright ⓒ 한반도일보 All rights reserved.") == .copyright)
        #expect(Furniture.kind(of: "브라우저 최상단으로 이동합니다 브라우저 최하단으로 이동합니다") == .goToTop)
        #expect(Furniture.kind(of: "실시간 암호화폐 시세") == .ticker)
        #expect(Furniture.kind(of: "05.07 장종료") == .ticker)
        #expect(Furniture.kind(of: "-1.27%") == .ticker)
        #expect(Furniture.kind(of: "* 24시간 변동률 기준") == .ticker)
        #expect(Furniture.kind(of: "홈 > 소식 > 새소식") == .navigation)
    }

    @Test func dateLinesReporterBoxesAndTipLines() {
        #expect(Furniture.kind(of: "입력 2020.08.27 20:27") == .dateStamp)
        #expect(Furniture.kind(of: "기사입력 2023-04-07 08:26:22 수정2023-04-07 08:26:57") == .dateStamp)
        #expect(Furniture.kind(of: "입력 중인 내용은 2020년에 작성됐다는 설명이 붙었다.") == nil)
        #expect(Furniture.kind(of: "보도국 사회2부이메일 보내기") == .shareBar)
        #expect(Furniture.kind(of: "MBC 뉴스는 24시간 여러분의 제보를 기다립니다.") == .tipLine)
        #expect(Furniture.kind(of: "SNS공유") == .shareBar)
        #expect(Furniture.kind(of: "글자 크기") == .fontSizeControl)
    }

    @Test func articleSentencesAreNotFurniture() {
        #expect(Furniture.kind(of: "크렘린궁은 푸틴 대통령이 김 위원장에게 정보를 공유했다며 이렇게 밝혔다.") == nil)
        #expect(Furniture.kind(of: "북한 조선중앙통신도 13일 김 위원장과 푸틴 대통령의 통화 내용을 보도했다.") == nil)
        // A caption's photo-desk notice is a caption, not a copyright line.
        #expect(Furniture.kind(of: "… 2025.8.13 [국내에서만 사용가능. 재배포 금지.] nkphoto@yna.co.kr") == nil)
    }
}

@Suite struct HeadlineAndRelatedTests {
    @Test func kickers() {
        #expect(Headlines.splitKicker("[종합] 북·러 군사 밀착 강화") == ("종합", "북·러 군사 밀착 강화"))
        #expect(Headlines.splitKicker("푸틴, 김정은과 전화통화…미·러정상회담 정보 공유(종합)") == ("종합", "푸틴, 김정은과 전화통화…미·러정상회담 정보 공유"))
        #expect(Headlines.splitKicker("평양 방문 결과 설명(종합2보)") == ("종합2보", "평양 방문 결과 설명"))
        #expect(Headlines.splitKicker("올해 들어 세번째(2보)") == ("2보", "올해 들어 세번째"))
        #expect(Headlines.splitKicker("북한 김정은, 푸틴 정책에 영구적 지지 약속") == (nil, "북한 김정은, 푸틴 정책에 영구적 지지 약속"))
        #expect(Headlines.splitKicker("쿠르스크 영토 해방(러시아)") == (nil, "쿠르스크 영토 해방(러시아)"))
    }

    @Test func siteNamesLeaveTitles() {
        #expect(Headlines.stripSiteName("北 김여정 담화 발표(종합) | 연합뉴스", siteNames: ["연합뉴스"]) == "北 김여정 담화 발표(종합)")
        #expect(Headlines.stripSiteName("러시아 하원 대표단, 평양 방문 - 동포투데이", siteNames: ["동포투데이"]) == "러시아 하원 대표단, 평양 방문")
    }

    @Test func aMetaTitleTrimsToThePageHeadline() {
        #expect(Headlines.isHeadline("장동혁, 한동훈 제명했지만", trimmedFrom: "장동혁, 한동훈 제명했지만-정치ㅣ한국일보"))
        #expect(Headlines.isHeadline("북러 정상 통화 내용 공개", trimmedFrom: "연합뉴스 | 북러 정상 통화 내용 공개"))
        #expect(!Headlines.isHeadline("북러", trimmedFrom: "북러 정상 통화 내용 공개"))
        #expect(!Headlines.isHeadline("북러 정상 통화", trimmedFrom: "북러 정상 통화하다"))
        #expect(Headlines.sameHeadline("실사단 ″K팝스타 된 기분″", "실사단 \"K팝스타 된  기분\""))
        #expect(!Headlines.sameHeadline("실사단 기분", "실사단 기쁨"))
    }

    @Test func siteSegmentsAndSeparatorsWithoutSpaces() {
        #expect(Headlines.stripSiteName("대전일보 모바일 :: 코로나19 극복 성금", siteNames: ["대전일보"]) == "코로나19 극복 성금")
        #expect(Headlines.stripSiteName("장동혁 제명-정치ㅣ한국일보", siteNames: ["한국일보"]) == "장동혁 제명-정치")
        #expect(Headlines.stripSiteName("한국일보가 뽑은 올해의 책", siteNames: ["한국일보"]) == "한국일보가 뽑은 올해의 책")
    }

    @Test func relatedHeadings() {
        for h in ["관련 기사", "BEST 뉴스", "실시간뉴스", "주요 뉴스", "많이 본 뉴스", "[관련기사]"] {
            #expect(RelatedBlocks.sectionTitle(h) != nil, "\(h)")
        }
        #expect(RelatedBlocks.sectionTitle("관련 기사에 따르면 정부는 이달 대책을 발표한다") == nil)
        #expect(RelatedBlocks.sectionTitle("You may also like...") != nil)
        #expect(RelatedBlocks.sectionTitle("related articles") != nil)
    }
}

@Suite struct BlockAssemblerTests {
    static func lines(_ text: String) -> [Block] {
        TextCaptureBlocks.blocks(of: Array(text.utf8))
    }

    @Test func repeatedLineBeforeACaptionIsThePhotoTitle() {
        let r = BlockAssembler().assemble(Self.lines("""
        북한 김정은, 푸틴 대통령과 상봉
        북한 김정은, 푸틴 대통령과 상봉

        (평양 조선중앙통신=연합뉴스) 김정은 북한 국무위원장이 푸틴 대통령과 상봉했다. 2023.9.14 [국내에서만 사용가능. 재배포 금지.] nkphoto@yna.co.kr

        (모스크바·서울=연합뉴스) 최인영 특파원 = 본문 첫 문장이다.

        clap@yna.co.kr
        """))
        #expect(r.images == [ArticleImage(url: nil, caption: "김정은 북한 국무위원장이 푸틴 대통령과 상봉했다.", credit: "조선중앙통신", title: "북한 김정은, 푸틴 대통령과 상봉")])
        #expect(r.body == [BodyBlock(.paragraph, "본문 첫 문장이다.")])
        #expect(r.authors == [Author(name: "최인영", role: "특파원", email: "clap@yna.co.kr")])
        #expect(r.dateline == "모스크바·서울")
    }

    @Test func duplicatedCaptionsCountOnce() {
        let r = BlockAssembler().assemble(Self.lines("▲사진 설명이다. 서울/연합뉴스\n▲사진 설명이다. 서울/연합뉴스\n본문이다."))
        #expect(r.images.count == 1)
        #expect(r.body.map(\.text) == ["본문이다."])
    }

    @Test func relatedHeadingTurnsTheRestIntoTeasers() {
        let r = BlockAssembler(leadTags: ["동포투데이"]).assemble(Self.lines("""
        [동포투데이] 본문이다.
        BEST 뉴스
        -
        한글학교 소식
        △행사 사진 © 포럼 [동포투데이]포럼은 20일 발표회를 열고 새로운 방향을 논의했다. 이번 행사는... -
        """))
        #expect(r.body.map(\.text) == ["본문이다."])
        #expect(r.related == [Teaser(title: "한글학교 소식", summary: "포럼은 20일 발표회를 열고 새로운 방향을 논의했다. 이번 행사는...", url: nil, section: "BEST 뉴스")])
    }

    @Test func marketWidgetCellsAreSkipped() {
        let r = BlockAssembler().assemble(Self.lines("본문이다.\n실시간 암호화폐 시세\n종목\n비트코인\n87,810,000\n-1.27%\n* 24시간 변동률 기준"))
        #expect(r.body.map(\.text) == ["본문이다."])
    }

    @Test func severalEmailsArePairedOnlyWhenCountsAgree() {
        let r = BlockAssembler().assemble(Self.lines("(서울=연합뉴스) 김가나 기자 이다라 기자 = 본문이다.\na@yna.co.kr\nb@yna.co.kr"))
        #expect(r.authors.map(\.email) == ["a@yna.co.kr", "b@yna.co.kr"])
        #expect(r.warnings == ["author e-mails paired with the byline by position"])
        let mismatch = BlockAssembler().assemble(Self.lines("(서울=연합뉴스) 김가나 기자 이다라 기자 = 본문이다.\na@yna.co.kr"))
        #expect(mismatch.authors.allSatisfy { $0.email == nil })
    }
}

@Suite struct TextSearchTests {
    @Test func needleSetsFindEveryPhraseInOnePass() {
        let set = NeedleSet(["제보", "무단 전재", "ights reserved", "쿠키"])
        #expect(set.matches(in: "<저작권자 ⓒ 무단 전재> All rights reserved") == 0b0110)
        #expect(set.matches(in: "북한과 러시아가 정상회담을 열었다") == 0)
        #expect(set.matches(in: "제") == 0)
        #expect(set.matches(in: "쿠키") == 0b1000)
    }

    @Test func substringTestsWorkOnBytes() {
        #expect("북한과 러시아가 정상회담을".has("러시아"))
        #expect(!"북한과 러시아가".has("러시아가 정"))
        #expect("abc".has("") && !"".has("a"))
        #expect("홍길동 기자 구독하기".hasByteSuffix("구독하기") && !"구독".hasByteSuffix("구독하기"))
        #expect("입력 2020".hasBytePrefix("입력") && !"입".hasBytePrefix("입력"))
        #expect(TextSearch.find(Array("eee".utf8), in: Array("eeeeeee".utf8)))
        #expect(!TextSearch.find(Array("eef".utf8), in: Array("eeeeeee".utf8)))
    }

    @Test func lettersCountHangulOnceAndSkipPunctuation() {
        #expect(TextSearch.letterCount("북한 2024년, ok!") == 9)
        #expect(TextSearch.letterCount("“—…” ·") == 0)
        #expect(TextSearch.letterCount("Ελλάδα Москва 東京") == 14)
    }

    @Test func trimmingAndCollapsingSpaces() {
        #expect("  \u{A0}제목\u{3000} ".trimmingSpaces() == "제목")
        #expect("제목".trimmingSpaces() == "제목")
        #expect(" a  b\n\tc\u{A0}d ".collapsingWhitespace() == "a b c d")
        #expect("a b c".collapsingWhitespace() == "a b c")
    }

    @Test func pageJSONIsRepaired() throws {
        let raw = Array("{\"a\": \"x // not a comment\", // a comment\n \"b\": [1, 2,], /* block */ \"c\": \"tab\there\",}".utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(PageMetadata.repairingJSON(raw))) as? [String: Any])
        #expect(json["a"] as? String == "x // not a comment")
        #expect((json["b"] as? [Int]) == [1, 2])
        #expect(json["c"] as? String == "tab here")
    }
}
