import Foundation
import Testing
import TestSupport

/// `--sink postgres://…` and `search postgres://…` end to end, against a server the test starts.
@Suite(.enabled(if: LocalPostgres.isAvailable, "PostgreSQL is not installed (apt-get install postgresql; .ci/run installs it)"))
struct PostgresCommandTests {
    typealias Demo = DemoCommandTests

    @Test func extractIntoPostgresResumesAndIsSearchable() async throws {
        try await offPool {
            let server = try LocalPostgres()
            defer { server.stop() }
            let dir = try SinkCommandTests.pages(120)
            let first = try Demo.run(["extract", dir, "--sink", server.uri, "--jobs", "2"])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stderr.contains("extracted 120 of 120 page(s)"), "\(first.stderr)")
            // A rerun with the same sink skips what the database stores.
            let again = try Demo.run(["extract", dir, "--sink", server.uri])
            #expect(again.status == 0 && again.stderr.contains("120 already stored, skipped"), "\(again.stderr)")
            let search = try Demo.run(["search", server.uri, "북한 기사", "--limit", "500"])
            #expect(search.status == 0)
            #expect(search.stderr.contains("120 match(es)"), "\(search.stderr)")
            #expect(search.stdout.contains("«기사»"), "the match in the text is marked")
            let bad = try Demo.run(["extract", dir, "--sink", "postgresql://newskit@127.0.0.1:\(try LocalPostgres.freePort())/none"])
            #expect(bad.status == 2 && bad.stderr.contains("postgresql://newskit@127.0.0.1"), "an unreachable sink is a usage error naming it: \(bad.stderr)")
        }
    }
}
