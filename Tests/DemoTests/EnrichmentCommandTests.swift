import Foundation
import Testing

/// `newskit-demo entities`, `stories`, and what `extract` adds to each article.
@Suite struct EnrichmentCommandTests {
    typealias Demo = DemoCommandTests

    @Test func extractFillsEntitiesEventDatesAndStories() async throws {
        try await offPool {
            let r = try Demo.run(["extract", "Examples/seeds"])
            #expect(r.status == 0)
            let articles = try r.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
            #expect(articles.count == 5)
            let first = articles[0]
            let names = (first["entities"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(names.contains("블라디미르 푸틴") && names.contains("김정은") && names.contains("조선중앙통신"))
            let dates = (first["eventDates"] as? [[String: Any]] ?? []).compactMap { $0["date"] as? String }
            #expect(dates.first == "2025-08-12")
            let stories = articles.map { $0["storyID"] as? String ?? "" }
            #expect(stories[0] == stories[2], "the Yonhap repost and the 동포투데이 account of the 12 August call")
            #expect(Set(stories).count == 4)
        }
    }

    @Test func noEnrichLeavesThemEmpty() async throws {
        try await offPool {
            let r = try Demo.run(["extract", "--no-enrich", "Examples/seeds/000_902ba53e243bc19e.txt"])
            let a = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
            #expect((a["entities"] as? [Any])?.isEmpty == true)
            #expect(a["storyID"] is NSNull)
        }
    }

    @Test func entitiesPrintsOneRowPerEntityWithMentionsPerArticle() async throws {
        try await offPool {
            let r = try Demo.run(["entities"])
            #expect(r.status == 0)
            let row = r.stdout.split(separator: "\n").first { $0.hasPrefix("블라디미르 푸틴") }
            #expect(row?.contains("Vladimir Putin") == true)
            #expect(row?.contains("#1:12") == true, "\(row ?? "")")
            #expect(r.stdout.contains("#5 김정은 푸틴과의 새로운 관계 전성기"))
        }
    }

    @Test func storiesGroupsTheTwoAccountsOfOneCall() async throws {
        try await offPool {
            let r = try Demo.run(["stories"])
            #expect(r.status == 0)
            let blocks = r.stdout.components(separatedBy: "\n\n").filter { !$0.isEmpty }
            #expect(blocks.count == 4)
            let call = blocks.first { $0.contains("2 article(s)") }
            #expect(call?.contains("푸틴, 김정은과 전화통화") == true)
            #expect(call?.contains("동포투데이") == true)
            #expect(call?.contains("first event day 2025-08-12") == true)
        }
    }

    @Test func aBadGazetteerIsAUsageErrorNamingTheFile() async throws {
        try await offPool {
            let path = try Demo.temp("g.json", Array("{\"entities\": 3}".utf8))
            let r = try Demo.run(["entities", "--gazetteer", path])
            #expect(r.status == 2)
            #expect(r.stderr.contains(path))
        }
    }

    /// `extract` hands its pages to a worker and checks only the user's gazetteers itself: a bad
    /// one is still refused up front, by name, and a good one still reaches the worker.
    @Test func extractChecksItsGazetteersBeforeHandingOffAndTheWorkerUsesThem() async throws {
        let seed = Demo.projectRoot.appendingPathComponent("Examples/seeds/000_902ba53e243bc19e.txt").path
        try await offPool {
            let bad = try Demo.temp("bad.json", Array("{\"entities\": 3}".utf8))
            let refused = try Demo.run(["extract", "--gazetteer", bad, "--format", "jsonl", seed])
            #expect(refused.status == 2)
            #expect(refused.stderr.contains(bad))
            #expect(refused.stdout.isEmpty)
            let good = try Demo.temp("good.json", Array(#"{"entities": [{"name": "전화통화", "type": "organization", "english": "NewsKit Test Entry"}]}"#.utf8))
            let run = try Demo.run(["extract", "--gazetteer", good, "--format", "jsonl", seed])
            #expect(run.status == 0)
            #expect(run.stdout.contains("NewsKit Test Entry"), "the worker did not load the user's gazetteer")
        }
    }
}
