import Foundation
import Testing
@testable import NewsKitCore

/// The learned entity tagger: reading KLUE-NER, training, decoding, its binary table, and the
/// shipped table in the recognizer.
@Suite struct EntityTaggerTests {
    static func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    static func spanTexts(_ text: String, _ spans: [TaggedSpan]) -> [String] {
        let s = scalars(text)
        return spans.map { "\($0.kind.rawValue):" + String(String.UnicodeScalarView(s[$0.start..<$0.end])) }
    }

    @Test func klueFileReadsCharactersTagsAndSpacesAndSkipsComments() {
        let tsv = "## 토큰 구분자 : \\n\n## id-1\t<박:PS>씨가 <서울:LC>에\n박\tB-PS\n씨\tO\n가\tO\n \tO\n서\tB-LC\n울\tI-LC\n에\tO\n3\tB-QT\n\n## id-2\t<경찰:OG>\n경\tB-OG\n찰\tI-OG\n"
        let sentences = TaggedSentence.klue(tsv)
        #expect(sentences.count == 2)
        #expect(String(String.UnicodeScalarView(sentences[0].text)) == "박씨가 서울에3")
        #expect(sentences[0].tags == [.beginPerson, .outside, .outside, .outside, .beginPlace, .insidePlace, .outside, .outside],
                "a quantity is outside any entity")
        #expect(Self.spanTexts("경찰", EntityTag.spans(sentences[1].tags)) == ["organization:경찰"])
    }

    @Test func spansCloseAtABeginAndAtAnotherType() {
        let tags: [EntityTag] = [.beginPerson, .insidePerson, .beginPerson, .insideOrganization, .outside, .insidePlace]
        #expect(EntityTag.spans(tags) == [TaggedSpan(start: 0, end: 2, kind: .person), TaggedSpan(start: 2, end: 3, kind: .person),
                                           TaggedSpan(start: 3, end: 4, kind: .organization), TaggedSpan(start: 5, end: 6, kind: .place)])
        #expect(!EntityTag.insidePerson.canFollow(nil))
        #expect(!EntityTag.insidePerson.canFollow(.beginPlace))
        #expect(EntityTag.insidePerson.canFollow(.beginPerson))
    }

    /// Names before `씨는` and places before `에서`, in sentences the tagger was not trained on.
    static func synthetic(_ names: [String], _ places: [String]) -> [TaggedSentence] {
        var out: [TaggedSentence] = []
        for (k, name) in names.enumerated() {
            let place = places[k % places.count]
            let text = "\(name)씨는 \(place)에서 일했다"
            var tags = [EntityTag](repeating: .outside, count: text.unicodeScalars.count)
            let n = name.unicodeScalars.count, p = place.unicodeScalars.count
            tags[0] = .beginPerson
            for i in 1..<n { tags[i] = .insidePerson }
            let ps = n + 3
            tags[ps] = .beginPlace
            for i in (ps + 1)..<(ps + p) { tags[i] = .insidePlace }
            out.append(TaggedSentence(text: Array(text.unicodeScalars), tags: tags))
        }
        return out
    }

    @Test func trainingLearnsContextsThatHoldForNamesItNeverSaw() {
        let train = Self.synthetic(["김민수", "이영희", "박철수", "최지훈", "정수빈", "강다은", "조현우", "윤서연"], ["부산", "대구", "광주", "울산"])
        let tagger = TaggerTraining(bucketBits: 12, epochs: 8, seed: 7).train(train)
        let text = "한가람씨는 목포에서 일했다"
        #expect(Self.spanTexts(text, tagger.spans(Self.scalars(text))) == ["person:한가람", "place:목포"])
    }

    @Test func trainingIsDeterministicAndTheTableRoundTrips() throws {
        let train = Self.synthetic(["김민수", "이영희", "박철수"], ["부산", "대구"])
        let a = TaggerTraining(bucketBits: 10, epochs: 3, seed: 3).train(train)
        let b = TaggerTraining(bucketBits: 10, epochs: 3, seed: 3).train(train)
        #expect(a.table() == b.table(), "the same data, epochs and seed give the same bytes")
        let read = try EntityTagger(table: a.table(), input: "memory")
        let text = Self.scalars("최지훈씨는 울산에서 일했다")
        #expect(read.tags(text) == a.tags(text))
    }

    @Test func aDamagedTableIsRefusedWithTheInputNamed() {
        let good = TaggerTraining(bucketBits: 8, epochs: 1).train(Self.synthetic(["김민수"], ["부산"])).table()
        for (bytes, reason) in [(Data("not a table".utf8), "not a NewsKit tagger table"), (good.dropLast(3), "bytes where"),
                                (Data("NKTAGGR2".utf8) + good.dropFirst(8), "another format (NKTAGGR2,")] {
            #expect {
                try EntityTagger(table: Data(bytes), input: "/tmp/tagger.bin")
            } throws: { error in
                let e = error as? TaggerTableError
                return e?.input == "/tmp/tagger.bin" && e?.description.contains(reason) == true
            }
        }
    }

    @Test func shippedTableLoadsAndTagsNewsSentences() throws {
        let tagger = try #require(EntityTagger.builtIn, "Recognition/entity-tagger.bin ships with NewsKitCore")
        let text = "김태효 국가안보실 1차장은 이날 이탈리아를 방문해 기자들과 만났다."
        let found = Self.spanTexts(text, tagger.spans(Self.scalars(text)))
        #expect(found.contains("person:김태효"), "\(found)")
        #expect(found.contains("place:이탈리아"), "\(found)")
    }

    @Test func recognizerTakesTaggedNamesTheGazetteerDoesNotKnowAndFindsTheirLaterMentions() throws {
        let recognizer = EntityRecognizer(gazetteer: Gazetteer(entries: [], givenNames: []))
        let text = "강형욱 훈련사가 운영하는 회사의 직원들이 문제를 제기했다. 강형욱은 이에 대해 입장을 밝혔다."
        let people = recognizer.entities(text: text).filter { $0.type == .person }
        #expect(people.map(\.name) == ["강형욱"], "\(people.map(\.name))")
        #expect(people.first?.spans.count == 2)
        let rulesAlone = EntityRecognizer(gazetteer: Gazetteer(entries: [], givenNames: []), learnedModel: false)
        #expect(!rulesAlone.entities(text: text).contains { $0.name == "강형욱" })
    }

    @Test func aTaggedNameEndingInAKindOfOrganizationIsOne() throws {
        let recognizer = EntityRecognizer(gazetteer: try Gazetteer.builtIn())
        let found = recognizer.entities(text: "김소영 금융위 부위원장은 이날 울산지검을 방문했다.")
        #expect(found.first { $0.name == "울산지검" }?.type == .organization, "\(found.map { "\($0.type):\($0.name)" })")
    }

    @Test func aTaggedPlaceWithAKnownCountryInItKeepsTheOtherWordAsAPlace() throws {
        let recognizer = EntityRecognizer(gazetteer: try Gazetteer.builtIn())
        let found = recognizer.entities(text: "김태효 국가안보실 1차장은 이날 이탈리아 트렌토에서 기자들과 만났다.")
        #expect(found.first { $0.name == "이탈리아" }?.type == .place)
        #expect(found.first { $0.name == "트렌토" }?.type == .place, "\(found.map { "\($0.type):\($0.name)" })")
    }

    @Test func aHugeOneLineTextIsTaggedInPiecesAndStillFindsNames() throws {
        let recognizer = EntityRecognizer(gazetteer: Gazetteer(entries: [], givenNames: []))
        let filler = String(repeating: "오늘은 비가 내리고 바람이 분다 ", count: 3_000)  // about 51,000 scalars, no newline
        let text = filler + "강형욱 훈련사가 운영하는 회사의 직원들이 문제를 제기했다 " + filler
        let found = recognizer.entities(text: text)
        #expect(found.contains { $0.name == "강형욱" && $0.type == .person }, "\(found.prefix(5).map(\.name))")
    }
}
