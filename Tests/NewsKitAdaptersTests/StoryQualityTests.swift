import Foundation
import Testing
import NewsKit
import NewsKitAdapters

/// Stories measured against our own hand annotation of which of the Korean corpus pages and
/// the seeds tell the same story (`Fixtures/stories`, 48 pages, see its README): every page is
/// extracted and enriched, the tracker assigns stories in path order, and every pair of pages is
/// counted: pairwise precision (pairs given one story that are one) and recall (pairs that are
/// one story given one).
@Suite struct StoryQualityTests {
    struct Annotation: Decodable {
        struct Story: Decodable { var label: String; var inputs: [String] }
        var stories: [Story]
    }

    @Test(.enabled(if: CorpusQualityTests.corpus != nil, "needs ../shared/corpus (or NEWSKIT_SHARED)"))
    func pagesOfOneEventShareAStoryAndOthersDoNot() throws {
        let file = EntityQualityTests.fixtures.deletingLastPathComponent().appendingPathComponent("stories/stories.json")
        let a = try JSONDecoder().decode(Annotation.self, from: Data(contentsOf: file))
        var truth: [String: Int] = [:]
        for (k, s) in a.stories.enumerated() { for i in s.inputs { truth[i] = k } }
        let enrichers: [any ArticleEnricher] = [try EntityEnricher(), EventDateEnricher()]
        let tracker = StoryTracker()
        var given: [String: String] = [:]
        for input in truth.keys.sorted() {
            let url = try #require(EntityQualityTests.input(input))
            var article = try CorpusQualityTests.extract(url).get()
            enrichers.enrich(&article)
            tracker.assign(&article)
            given[input] = article.storyID
        }
        #expect(given.count == truth.count)
        let inputs = given.keys.sorted()
        var tp = 0, fp = 0, fn = 0
        for (x, i) in inputs.enumerated() {
            for j in inputs[(x + 1)...] {
                let same = truth[i] == truth[j], together = given[i] == given[j]
                if same && together { tp += 1 } else if together { fp += 1 } else if same { fn += 1 }
            }
        }
        let precision = tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp)
        let recall = tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn)
        FileHandle.standardError.write(Data(("stories on \(inputs.count) annotated pages: pairwise precision \(String(format: "%.3f", precision)) "
            + "recall \(String(format: "%.3f", recall)) (tp \(tp), fp \(fp), fn \(fn))\n").utf8))
        #expect(precision >= 0.95)
        #expect(recall >= 0.5)
    }
}
