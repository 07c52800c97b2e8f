import Foundation
import Testing
import NewsKit
@testable import NewsKitHTML
@testable import NewsKitCore
@testable import NewsKitFetching
@testable import NewsKitSQLite

@Suite struct EventDateTests {
    let resolver = EventDateResolver()
    let aug13 = Instant(year: 2025, month: 8, day: 13, hour: 8)

    func dates(_ text: String, _ ref: Instant?) -> [String: String] {
        Dictionary(resolver.eventDates(in: text, reference: ref).map { ($0.expression, $0.date) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func relativeDaysResolveAgainstThePublicationDate() {
        let d = dates("푸틴 대통령은 12일(현지시간) 통화했다. 지난 6일 방문했다. 오는 15일 만난다. 지난해 6월 체결했다. 이달 말 열린다. 다음 주 발표한다.", aug13)
        #expect(d["12일(현지시간)"] == "2025-08-12")
        #expect(d["지난 6일"] == "2025-08-06")
        #expect(d["오는 15일"] == "2025-08-15")
        #expect(d["지난해 6월"] == "2024-06")
        #expect(d["이달"] == "2025-08")
        #expect(d["다음 주"] == "2025-W34")
    }

    @Test func daysCrossMonthAndYearEnds() {
        let jan3 = Instant(year: 2026, month: 1, day: 3)
        let d = dates("지난 28일 회의가 열렸다. 오는 2일 발표한다. 어제 밝혔다.", jan3)
        #expect(d["지난 28일"] == "2025-12-28")
        #expect(d["오는 2일"] == "2026-02-02")
        #expect(d["어제"] == "2026-01-02")
    }

    @Test func withoutAnArticleDateOnlyCompleteDatesResolve() {
        let d = dates("12일(현지시각) 통화했다. 지난해 6월 평양에서 체결했다. 2025년 9월 3일 베이징에서 만났다.", nil)
        #expect(d["12일(현지시각)"] == nil)
        #expect(d["지난해 6월"] == nil)
        #expect(d["2025년 9월 3일"] == "2025-09-03")
        #expect(d.count == 1)
    }

    @Test func durationsAndCountsAreNotDates() {
        let d = dates("열흘간 머물렀다. 3일간 회의했다. 24일 만에 돌아왔다. 2000년 이후 24년 만이다. 1조 원을 썼다.", aug13)
        #expect(d.isEmpty, "\(d)")
    }

    @Test func daysOfAComingVisitStayInItsMonth() {
        let apr20 = Instant(year: 2023, month: 4, day: 20, hour: 9)
        let d = dates("윤석열 대통령은 24~30일 미국을 국빈 방문한다. 대통령은 25일(현지시간) 워싱턴에 도착한다. 26일에는 정상회담을 갖는다. 29일 보스턴에서 연설했다고 전했다.", apr20)
        #expect(d["24~30일"] == "2023-04-24")
        #expect(d["25일(현지시간)"] == "2023-04-25", "present tense: what is scheduled")
        #expect(d["26일"] == "2023-04-26")
        #expect(d["29일"] == "2023-04-29", "a day inside the span the text gave belongs to its month")
    }

    @Test func laterDaysOfASentenceKeepTheMonthWrittenBeforeThem() {
        let apr7 = Instant(year: 2023, month: 4, day: 7)
        let d = resolver.eventDates(in: "다음 달 4일부터 7일 서울을 시작으로 12일 도쿄, 27일 마닐라에서 공연할 예정이다. 그는 3일 입국했다.", reference: apr7)
        #expect(d.map(\.date) == ["2023-05-04", "2023-05-07", "2023-05-12", "2023-05-27", "2023-04-03"], "\(d.map(\.date))")
        let e = dates("5월 2일 회담에 이어 9일 발표했다.", Instant(year: 2023, month: 6, day: 20))
        #expect(e["9일"] == "2023-05-09", "a later day of the same sentence, after the month it names")
    }

    @Test func nightsAndDaysOfAStayAreNotDates() {
        let d = dates("대통령은 내주 5박 7일 일정으로 미국을 방문한다. 3박4일 동안 머문다.", Instant(year: 2023, month: 4, day: 18))
        #expect(d["7일"] == nil && d["4일"] == nil, "\(d)")
    }

    @Test func aMonthWithoutAYearTakesTheYearTheSentenceLooksTowards() {
        let apr18 = Instant(year: 2023, month: 4, day: 18)
        #expect(dates("신청은 5월 11일까지 받는다.", apr18)["5월 11일"] == "2023-05-11", "a deadline lies ahead")
        #expect(dates("정상회담은 6월 열릴 예정이다.", apr18)["6월"] == "2023-06")
        #expect(dates("그는 11월 평양을 방문했다.", apr18)["11월"] == "2022-11", "a past tense looks back")
        let jan5 = Instant(year: 2026, month: 1, day: 5)
        #expect(dates("12월 회의 결과가 주목된다.", jan5)["12월"] == "2025-12", "without a direction, the nearest year")
        #expect(dates("3월 선거를 앞두고 있다.", Instant(year: 2025, month: 11, day: 2))["3월"] == "2026-03")
    }

    @Test func eachDateKeepsItsSentence() {
        let r = resolver.eventDates(in: "첫 문장이다. 김 위원장은 13일 보도했다. 끝.", reference: aug13)
        #expect(r.count == 1)
        #expect(r.first?.sentence == "김 위원장은 13일 보도했다.")
    }

    @Test func enricherUsesTheOriginalsDateForAReposts() {
        var a = Article(source: Source(id: "board", name: nil, homepage: nil, kind: .board),
                        origin: Origin(name: "연합뉴스", publishedAt: Instant(year: 2025, month: 8, day: 1)),
                        body: [BodyBlock(.paragraph, "지난 6일 발표했다.")], publishedAt: Instant(year: 2025, month: 8, day: 20))
        EventDateEnricher().enrich(&a)
        #expect(a.eventDates.first?.date == "2025-07-06")
    }
}

@Suite struct EntityRecognizerTests {
    static let recognizer = EntityRecognizer(gazetteer: try! Gazetteer.builtIn())

    func find(_ text: String, title: String? = nil) -> [String: Entity] {
        Dictionary(Self.recognizer.entities(text: text, title: title).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func shortFormsAndTitlesResolveToTheFullName() {
        let e = find("김정은 국무위원장이 블라디미르 푸틴 러시아 대통령과 통화했다. 푸틴 대통령은 김 위원장에게 감사를 표했다. 北최고지도자의 통화는 처음이다.")
        #expect(e["블라디미르 푸틴"]?.mentions == 2)
        #expect(e["블라디미르 푸틴"]?.aliases == ["푸틴"])
        #expect(e["김정은"]?.mentions == 3)
        #expect(e["김정은"]?.aliases.contains("김 위원장") == true)
        #expect(e["북한"] == nil, "北최고지도자 is one mention of 김정은 when he is named")
        #expect(e["블라디미르 푸틴"]?.englishName == "Vladimir Putin")
        #expect(e["블라디미르 푸틴"]?.wikidata == "Q7747")
    }

    @Test func contextAliasesNeedTheEntityNamedElsewhere() {
        let e = find("북한 최고지도자의 외국 정상과 통화가 공개됐다.")
        #expect(e["김정은"] == nil)
        #expect(e["북한"]?.mentions == 1)
    }

    @Test func northKoreanSpellingsAndAgencyNamesAreOneEntity() {
        let e = find("김 위원장은 \"조로(북러) 간 조약의 정신에 충실하고 로씨야(러시아) 지도부를 지지한다\"고 중앙통신은 전했다. 한국중앙통신(KCNA)에 따르면 KCNA는 이를 보도했다.")
        #expect(e["조선중앙통신"]?.mentions == 4)
        #expect(Set(e["조선중앙통신"]?.aliases ?? []) == ["중앙통신", "한국중앙통신", "KCNA"])
        #expect(e["러시아"]?.aliases.contains("로씨야") == true)
        #expect((e["러시아"]?.mentions ?? 0) >= 3, "조로, 북러, 로씨야, 러시아")
        #expect((e["북한"]?.mentions ?? 0) >= 2, "조로 and 북러")
    }

    @Test func spansPointAtTheMentionInTheText() {
        let text = "크렘린궁은 푸틴 대통령이 김 위원장과 통화했다고 밝혔다. 김정은 위원장은 답했다."
        let scalars = Array(text.unicodeScalars)
        for e in Self.recognizer.entities(text: text) {
            for span in e.spans {
                let form = String(String.UnicodeScalarView(scalars[span.start..<span.end]))
                #expect(form == e.name || e.aliases.contains(form) || form.count == 1, "\(form) for \(e.name)")
            }
        }
    }

    @Test func unknownNamesBeforeTitlesAreFoundByRule() {
        let e = find("에이드리언 왓슨 백악관 국가안보회의(NSC) 대변인은 말했다. 존 커비 백악관 국가안전보장회의(NSC) 전략소통조정관도 말했다. 왓슨 대변인은 덧붙였다.")
        #expect(e["에이드리언 왓슨"]?.type == .person)
        #expect(e["에이드리언 왓슨"]?.mentions == 2)
        #expect(e["국가안보회의"]?.type == .organization)
        #expect(e["국가안보회의"]?.aliases.contains("NSC") == true, "one organization under two spellings and its acronym")
        #expect(e["국가안전보장회의"] == nil)
    }

    @Test func koreanNamesWithTitlesHonorificsAndInterviewCaptions() {
        let e = find("김상욱 무소속 의원이 지지했다. 광주 출신 30대 문유성씨가 참석했다.\n[구병삼/통일부 대변인 : \"지켜보겠다\"]\n구 대변인은 말했다.")
        #expect(e["김상욱"]?.type == .person)
        #expect(e["문유성"]?.type == .person)
        #expect(e["구병삼"]?.mentions == 2)
        #expect(e["통일부"]?.type == .organization)
        let f = find("[토드 블란취 / 변호사 : \"무죄를 주장합니다.\"]")
        #expect(f["토드 블란취"]?.type == .person, "a foreign name in an interview caption, spaces around the slash")
    }

    @Test func placesBeforeAdministrativeSuffixes() {
        let e = find("러시아군이 쿠르스크주를 수복했다. 과나후아토주 레온을 출발해 코아우일라주 살티요로 향했다. 이번주 발표한다.")
        #expect(e["쿠르스크"]?.type == .place)
        #expect(e["과나후아토주"]?.type == .place)
        #expect(e["살티요"]?.type == .place)
        #expect(e["이번주"] == nil)
    }

    @Test func namesInsideLongerWordsAreNotMentions() {
        let e = find("인도적 지원을 하고 인도네시아와 협력한다. 미국산 칩을 쓴다. 연합뉴스TV 이준삼입니다.")
        #expect(e["인도"] == nil)
        #expect(e["미국"] == nil)
        #expect(e["연합뉴스"] == nil, "연합뉴스TV is another outlet")
    }

    @Test func reportersInTheBylineArePeople() {
        let a = Article(source: Source(id: "x", name: nil, homepage: nil, kind: .newspaper), body: [BodyBlock(.paragraph, "KBS 뉴스 김수연입니다.")],
                        authors: [Author(name: "김수연", role: "기자")])
        let e = Dictionary(Self.recognizer.entities(in: a).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(e["김수연"]?.type == .person)
        #expect(e["김수연"]?.mentions == 2, "the byline and the sign-off")
    }

    @Test func usersExtendTheGazetteerAtRunTime() throws {
        let json = #"{"entities": [{"name": "홍길동", "type": "person", "english": "Hong Gildong", "aliases": ["길동"]}]}"#
        let extra = try Gazetteer(json: Data(json.utf8), name: "mine.json")
        let recognizer = EntityRecognizer(gazetteer: try Gazetteer.builtIn().merging(extra))
        let e = recognizer.entities(text: "길동은 북한을 방문했다.")
        #expect(e.first { $0.name == "홍길동" }?.englishName == "Hong Gildong")
        #expect(e.contains { $0.name == "북한" })
    }

    @Test func aMalformedGazetteerNamesItsFile() {
        let error = #expect(throws: GazetteerError.self) { try Gazetteer(json: Data("{\"entities\": [{\"name\": \"x\"}]}".utf8), name: "bad.json") }
        #expect(error?.code == .malformed)
        #expect(error?.path == "bad.json")
        do { _ = try Gazetteer(json: Data("not json".utf8), name: "bad.json") } catch {
            #expect(error.description.hasPrefix("bad.json:"))
            #expect(error.code == .malformed)
        }
        do { _ = try Gazetteer(contentsOf: URL(fileURLWithPath: "/nonexistent/g.json")) } catch {
            #expect(error.code == .unreadable)
            #expect(error.path == "/nonexistent/g.json")
        }
    }
}

@Suite struct StoryTrackerTests {
    static let source = Source(id: "a", name: "A", homepage: nil, kind: .newspaper)

    func article(_ id: String, _ text: String, title: String? = nil, published: Instant? = nil, entities: [Entity] = [],
                 source: Source = StoryTrackerTests.source, origin: Origin? = nil) -> Article {
        var a = Article(id: id, source: source, origin: origin, title: title, body: [BodyBlock(.paragraph, text)], publishedAt: published)
        a.entities = entities
        EventDateEnricher().enrich(&a)
        return a
    }

    static let longText = String(repeating: "북한과 러시아가 군사 협력을 강화하고 있다는 분석이 나왔다. 양국 정상은 회담을 열었다. ", count: 6)

    @Test func theSameTextIsADuplicateOfTheFirstCopy() {
        let tracker = StoryTracker()
        var a = article("first", Self.longText)
        var b = article("second", Self.longText.replacingOccurrences(of: ". ", with: ".\n"), title: "다른 제목")
        var c = article("third", String(repeating: "전혀 다른 이야기가 여기에 쓰여 있다 경제 지표가 발표됐다 ", count: 8))
        tracker.assign(&a); tracker.assign(&b); tracker.assign(&c)
        #expect(a.duplicateOf == nil)
        #expect(b.duplicateOf == "first")
        #expect(b.storyID == a.storyID)
        #expect(c.duplicateOf == nil)
        #expect(c.storyID == "story-third")
    }

    @Test func theOutletsOwnNameDoesNotMakeUnrelatedArticlesOneStory() {
        let yonhap = Source(id: "yna.co.kr", name: "연합뉴스", homepage: nil, kind: .newspaper)
        let outlet = Entity(name: "연합뉴스", type: .organization, mentions: 1, spans: [.init(start: 0, end: 1)])
        let day = Instant(year: 2023, month: 4, day: 18)
        let tracker = StoryTracker()
        let texts = ["교사에게 협박 편지를 보낸 학부모가 입건됐다.", "짠테크 단톡방이 인기를 끌고 있다.", "이탈리아에서 곰이 사람을 공격했다.", "가수가 숨진 채 발견됐다."]
        var ids: [String] = []
        for (k, t) in texts.enumerated() {
            var a = article("y\(k)", t, published: day, entities: [outlet], source: yonhap)
            tracker.assign(&a)
            ids.append(a.storyID ?? "")
        }
        #expect(Set(ids).count == 4, "every Yonhap article names 연합뉴스; that is no event")
    }

    @Test func reportsOfOneEventWhoseFirstDaysDifferStillShareAStory() {
        let ents = [Entity(name: "윤석열", type: .person, mentions: 3, spans: [.init(start: 0, end: 1), .init(start: 1, end: 2), .init(start: 2, end: 3)]),
                    Entity(name: "미국", type: .place, mentions: 2, spans: [.init(start: 0, end: 1), .init(start: 1, end: 2)]),
                    Entity(name: "조 바이든", type: .person, mentions: 1, spans: [.init(start: 0, end: 1)])]
        let day = Instant(year: 2023, month: 4, day: 16)
        let tracker = StoryTracker()
        var a = article("s1", "대통령실은 16일 국빈 방미 일정을 발표했다.", title: "윤 대통령 24~30일 국빈 방미", published: day, entities: ents)
        var b = article("s2", "윤 대통령은 24일부터 미국을 국빈 방문한다.", title: "윤 대통령, 내주 5박 7일 국빈 방미", published: day, entities: ents)
        tracker.assign(&a); tracker.assign(&b)
        #expect(b.storyID == a.storyID, "the same key entities, close headlines: one story though one opens with the announcement day")
    }

    @Test func articlesPublishedMonthsApartAreNeverOneStory() {
        let ents = [Entity(name: "크렘린궁", type: .organization, mentions: 2, spans: [.init(start: 0, end: 1)]),
                    Entity(name: "알래스카", type: .place, mentions: 1, spans: [.init(start: 0, end: 1)])]
        let tracker = StoryTracker()
        var a = article("a", "12일 통화했다.", published: Instant(year: 2025, month: 8, day: 13), entities: ents)
        var b = article("b", "12일 통화했다.", published: Instant(year: 2025, month: 10, day: 13), entities: ents)
        var c = article("c", "12일 통화했다.", published: Instant(year: 2025, month: 8, day: 14), entities: ents)
        tracker.assign(&a); tracker.assign(&b); tracker.assign(&c)
        #expect(b.storyID != a.storyID)
        #expect(c.storyID == a.storyID)
    }

    @Test func aRepostLinksToItsOriginalSeenEarlier() {
        let tracker = StoryTracker()
        var original = article("yna1", "원문 기사 본문이다.", title: "푸틴, 김정은과 전화통화…미·러정상회담 정보 공유",
                               source: Source(id: "yonhap", name: "연합뉴스", homepage: nil, kind: .newspaper))
        var repost = article("board1", "게시판에 옮긴 글이다.", source: Source(id: "board", name: nil, homepage: nil, kind: .board),
                             origin: Origin(name: "연합뉴스", title: "푸틴, 김정은과 전화통화…미·러정상회담 정보 공유"))
        tracker.assign(&original)
        tracker.assign(&repost)
        #expect(repost.origin?.articleID == "yna1")
    }

    @Test func forgottenFingerprintsKeepMemoryBounded() {
        let tracker = StoryTracker(capacity: 16)
        for i in 0..<100 { var a = article("x\(i)", Self.longText + "\(i)"); tracker.assign(&a) }
        var late = article("late", Self.longText)
        tracker.assign(&late)
        #expect(tracker.rememberedCount == 16)
        #expect(late.duplicateOf == "x0", "the canonical copy's id outlives its fingerprint")
    }
}
