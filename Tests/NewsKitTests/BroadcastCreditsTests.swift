import Testing
import NewsKit
@testable import NewsKitCore

/// Reporters named in broadcast scripts and credit lines, and role words that are not names.
@Suite struct BroadcastCreditsTests {
    @Test(arguments: [
        ("북한이 또 미사일을 쐈습니다. 변재영 기자의 보도입니다.", "변재영", "기자"),
        ("회담은 내일 열립니다. 지금까지 이준삼 기자입니다.", "이준삼", "기자"),
        ("협의는 계속될 전망입니다. 연합뉴스TV 이준삼입니다.", "이준삼", nil),
        ("대책이 시급합니다. KBS 뉴스 이윤우입니다.", "이윤우", nil),
    ] as [(String, String, String?)])
    func signOffsNameTheReporter(_ paragraph: String, _ name: String, _ role: String?) {
        #expect(BroadcastCredits.signOffs(in: paragraph) == [Author(name: name, role: role)])
    }

    @Test(arguments: ["이것은 중요한 문제입니다.", "저는 괜찮습니다. 정말 다행입니다", "오늘의 날씨입니다.", "인턴 기자입니다."])
    func sentencesThatSignOffWithNobodyNameNobody(_ paragraph: String) {
        #expect(BroadcastCredits.signOffs(in: paragraph).isEmpty)
    }

    @Test func aCreditLineGivesItsReportersAndKnowsItsProductionCredits() {
        let line = "[취재기자: 홍길동 / 영상편집: 김철수]"
        #expect(BroadcastCredits.creditLine(line) == [Author(name: "홍길동", role: "취재기자"), Author(name: "김철수", role: "영상편집")])
        #expect(BroadcastCredits.authors(inCreditLine: line) == [Author(name: "홍길동", role: "취재기자")])
        #expect(BroadcastCredits.creditLine("촬영기자 : 김민수, 이지훈") == [Author(name: "김민수", role: "촬영기자"), Author(name: "이지훈", role: "촬영기자")])
        #expect(BroadcastCredits.creditLine("시간: 오후 3시") == nil, "not a role")
        #expect(BroadcastCredits.creditLine("취재기자: 홍길동이 전했다") == nil, "not names only")
    }

    @Test func anInternIsARoleNotAName() {
        #expect(Bylines.bylineLine("홍길동 인턴 기자") == [Author(name: "홍길동", role: "인턴기자")])
        #expect(Bylines.bylineLine("인턴 기자") == nil)
        #expect(Bylines.bylineLine("홍길동 인턴기자") == [Author(name: "홍길동", role: "인턴기자")])
    }

    @Test func theAssemblerReadsTheSignOffAndKeepsItInTheText() {
        let blocks = [
            Block(text: "북한이 단거리 탄도미사일을 발사했습니다. 변재영 기자의 보도입니다.", role: .paragraph, index: 0),
            Block(text: "합참은 오늘 오전 북한이 동해상으로 미사일을 쐈다고 밝혔습니다. TV조선 변재영입니다.", role: .paragraph, index: 1),
        ]
        let r = BlockAssembler().assemble(blocks)
        #expect(r.authors == [Author(name: "변재영", role: "기자")])
        #expect(r.body.count == 2)
    }
}
