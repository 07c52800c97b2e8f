import Foundation
import Testing
import TestHTTPServer
@testable import newskit_demo

/// What the built program refuses, driven from the table: options of other commands, values out
/// of range, options that cannot go together, operands for a command that takes none. Each is
/// exit status 2 with a message naming the option and the command, and nothing on stdout.
@Suite struct CommandLineParserTests {
    typealias Demo = DemoCommandTests

    static func expectUsageError(_ r: Demo.Run, command: String, mentioning text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 2, "exit status of \(command) naming \(text): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains("newskit-demo \(command): ") && r.stderr.contains(text), "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    @Test(arguments: CommandTable.commands.map(\.name))
    func anOptionOfAnotherCommandIsRefusedNamingItAndTheCommand(_ command: String) async throws {
        let own = CommandTable.options(of: command)
        let foreign = Set(CommandTable.options.flatMap { [$0.name] + $0.deprecatedNames }).filter { name in !own.contains { $0.answers(to: name) } }
        #expect(!foreign.isEmpty)
        try await offPool {
            for name in foreign.sorted() {
                let r = try Demo.run([command, "--\(name)=1"])
                Self.expectUsageError(r, command: command, mentioning: "unknown option --\(name)")
            }
        }
    }

    @Test func unknownOptionsAndArgumentsAreRefused() async throws {
        try await offPool {
            Self.expectUsageError(try Demo.run(["adapters", "--bogus"]), command: "adapters", mentioning: "unknown option --bogus")
            Self.expectUsageError(try Demo.run(["adapters", "x"]), command: "adapters", mentioning: "unexpected argument x: adapters takes none")
            Self.expectUsageError(try Demo.run(["extract", "-x"]), command: "extract", mentioning: "unknown option -x")
            Self.expectUsageError(try Demo.run(["extract", "--jbos", "2"]), command: "extract", mentioning: "unknown option --jbos; did you mean --jobs?")
            Self.expectUsageError(try Demo.run(["entities", "--no-enrich"]), command: "entities", mentioning: "(an option of extract, fetch and crawl)")
            Self.expectUsageError(try Demo.run(["extract", "--format"]), command: "extract", mentioning: "--format needs a value (F)")
            Self.expectUsageError(try Demo.run(["dom", "--stats=yes"]), command: "dom", mentioning: "--stats takes no value")
            let top = try Demo.run(["--bogus"])
            #expect(top.status == 2 && top.stderr.contains("newskit-demo: unknown option --bogus"))
        }
    }

    /// Values just outside each numeric option's range, and ones that are not numbers.
    static func badValues(_ kind: ValueKind) -> [String] {
        switch kind {
        case .wholeNumber(let r): return ["x", "1.5"] + [r.lowerBound > Int.min ? String(r.lowerBound - 1) : nil, r.upperBound < Int.max ? String(r.upperBound + 1) : nil].compactMap { $0 }
        case .seconds(let r): return ["x", "inf", "nan", "-inf", ValueKind.format(r.lowerBound - 1), ValueKind.format(r.upperBound * 2)]
        case .choice: return ["nope"]
        case .flag, .text: return []
        }
    }

    @Test func invalidNumbersAreRefusedWithTheRangeInWords() async throws {
        try await offPool {
            for command in CommandTable.commands {
                for option in CommandTable.options(of: command.name) {
                    for value in Self.badValues(option.kind) {
                        let r = try Demo.run([command.name, option.flag, value])
                        Self.expectUsageError(r, command: command.name, mentioning: "\(option.flag) must be ")
                        #expect(r.stderr.contains(", not \(value)"))
                        #expect(!r.stderr.contains("9223372036854775807"), "the range is said in words")
                    }
                }
            }
            // The messages the hostile-input table and docs/limits.md quote.
            Self.expectUsageError(try Demo.run(["extract", "--jobs", "0"]), command: "extract", mentioning: "--jobs must be a whole number from 1 to 256, not 0")
            Self.expectUsageError(try Demo.run(["fetch", "--jobs", "0", "http://x"]), command: "fetch", mentioning: "--jobs must be a whole number from 1 to 1024, not 0")
            Self.expectUsageError(try Demo.run(["crawl", "--concurrency", "2000", "http://x"]), command: "crawl", mentioning: "--concurrency must be a whole number from 1 to 1024, not 2000")
            Self.expectUsageError(try Demo.run(["fetch", "--delay", "-1", "http://x"]), command: "fetch", mentioning: "--delay must be a number of seconds from 0 to 3600, not -1")
            Self.expectUsageError(try Demo.run(["crawl", "--limit", "0", "http://x"]), command: "crawl", mentioning: "--limit must be a whole number of at least 1, not 0")
            Self.expectUsageError(try Demo.run(["search", "db", "q", "--limit", "10001"]), command: "search", mentioning: "--limit must be a whole number from 1 to 10000, not 10001")
        }
    }

    @Test func optionsThatCannotGoTogetherAreRefused() async throws {
        try await offPool {
            for command in CommandTable.commands {
                for conflict in command.conflicts {
                    let option = try #require(CommandTable.options(of: command.name).first { $0.name == conflict.option })
                    for other in conflict.others {
                        var args = [command.name] + CommandTableTests.arguments(option)
                        let named: String
                        switch other {
                        case .operands:
                            args.append("Examples/seeds")
                            named = command.operands[0].name
                        case .option(let name):
                            args += CommandTableTests.arguments(try #require(CommandTable.options(of: command.name).first { $0.name == name }))
                            if command.name != "extract" { args.append("http://127.0.0.1:9/x") }
                            named = "--" + name
                        }
                        Self.expectUsageError(try Demo.run(args), command: command.name, mentioning: "--\(conflict.option) cannot go with \(named): \(conflict.reason)")
                    }
                }
            }
            Self.expectUsageError(try Demo.run(["extract", "--warc", "x.warc", "Examples/seeds"]), command: "extract", mentioning: "--warc cannot go with PATH")
            Self.expectUsageError(try Demo.run(["extract", "Examples/seeds", "--format", "text", "--sink", "jsonl:/dev/null"]), command: "extract",
                                  mentioning: "--format cannot go with --sink")
        }
    }

    @Test func theOldConcurrencyNameStillWorksWithANoteNamingJobs() async throws {
        let server = try LocalHTTPServer { _ in .respond(.text("")) }
        let url = server.url("/a").absoluteString
        server.stop()
        let r = try await offPool { try Demo.run(["fetch", url, "--concurrency", "2", "--retries", "0", "--timeout", "5"]) }
        #expect(r.status == 1, "the page failed (nothing listens), but the option was taken: \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").filter { $0.contains("--concurrency") } == ["newskit-demo fetch: --concurrency is deprecated; use --jobs"])
    }
}
