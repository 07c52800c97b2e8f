import Foundation
import Testing
import NewsKit
import NewsKitAdapters

/// Runs every built-in adapter over all of its fixtures (`Fixtures/<adapter-id>/`) and compares
/// the article with the reviewed expectation. The registry must pick the folder's adapter by
/// itself, so selection is tested too.
@Suite struct AdapterFixtureTests {
    static let fixturesRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let inputExtensions: Set<String> = ["html", "htm", "txt", "md"]

    struct Case: CustomStringConvertible, Sendable {
        let adapter: String
        let input: URL
        var name: String { input.lastPathComponent }
        var expected: URL { input.deletingPathExtension().appendingPathExtension("expected.json") }
        var url: URL { input.deletingPathExtension().appendingPathExtension("url") }
        var description: String { "\(adapter)/\(name)" }
    }

    static var cases: [Case] {
        let fm = FileManager.default
        var out: [Case] = []
        for adapter in BuiltinAdapters.all.map(\.id) {
            let dir = fixturesRoot.appendingPathComponent(adapter)
            let names = (try? fm.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names.sorted() where inputExtensions.contains((name as NSString).pathExtension) {
                out.append(Case(adapter: adapter, input: dir.appendingPathComponent(name)))
            }
        }
        return out
    }

    static var regenerate: Bool { ProcessInfo.processInfo.environment["NEWSKIT_REGENERATE_FIXTURES"] != nil }

    static func article(for c: Case) throws -> Article {
        let bytes = try [UInt8](Data(contentsOf: c.input.resolvingSymlinksInPath()))
        let url = (try? String(contentsOf: c.url, encoding: .utf8)).flatMap { URL(string: $0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let page = Page(bytes: bytes, requestedURL: url, filePath: "\(c.adapter)/\(c.name)")
        return try AdapterRegistry.builtIn.extract(try Document(page: page))
    }

    static func prettyJSON(_ article: Article) -> String {
        String(decoding: article.jsonData(pretty: true), as: UTF8.self) + "\n"
    }

    @Test func everyAdapterHasAtLeastOneFixture() {
        let covered = Set(Self.cases.map(\.adapter))
        for adapter in BuiltinAdapters.all where !covered.contains(adapter.id) {
            Issue.record("adapter \(adapter.id) has no fixture in Fixtures/\(adapter.id)/")
        }
    }

    @Test(arguments: AdapterFixtureTests.cases)
    func adapterOutputMatchesReviewedExpectation(_ c: Case) throws {
        let article = try Self.article(for: c)
        #expect(article.adapter.id == c.adapter, "the registry chose \(article.adapter.id) for \(c)")
        let actual = Self.prettyJSON(article)
        if Self.regenerate {
            try actual.write(to: c.expected, atomically: true, encoding: .utf8)
            Issue.record("regenerated \(c.expected.lastPathComponent): review it before committing")
            return
        }
        guard let expected = try? String(contentsOf: c.expected, encoding: .utf8) else {
            Issue.record("missing \(c.expected.lastPathComponent); generate with NEWSKIT_REGENERATE_FIXTURES=1 and review it")
            return
        }
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDiff = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            Issue.record("\(c) differs from \(c.expected.lastPathComponent) at line \(firstDiff + 1):\n  expected: \(firstDiff < e.count ? String(e[firstDiff]) : "<end>")\n  actual:   \(firstDiff < a.count ? String(a[firstDiff]) : "<end>")")
        }
    }

    @Test(arguments: AdapterFixtureTests.cases)
    func jsonLineIsWhatJSONEncoderWrites(_ c: Case) throws {
        let article = try Self.article(for: c)
        #expect(article.jsonLine == String(decoding: article.jsonData(), as: UTF8.self))
    }

    @Test(.enabled(if: !AdapterFixtureTests.regenerate, "expectations are being regenerated: decode them once they are reviewed"),
          arguments: AdapterFixtureTests.cases)
    func expectedJSONDecodesToTheSameArticle(_ c: Case) throws {
        // A missing expectation fails here too (adapterOutputMatchesReviewedExpectation says how to make one).
        let data = try Data(contentsOf: c.expected)
        let decoded = try JSONDecoder().decode(Article.self, from: data)
        #expect(decoded == (try Self.article(for: c)))
    }
}
