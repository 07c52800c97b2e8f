import Foundation
import Testing
@testable import newskit_demo

/// `-h`, `--help`, `help COMMAND` and `--version`, run through the built program.
@Suite struct HelpTextTests {
    typealias Demo = DemoCommandTests

    /// The options a help text lists: the lines that start with an option, as `--name`.
    static func listedOptions(_ help: String) -> [String] {
        help.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  --") || line.hasPrefix("  -h, --") else { return nil }
            let rest = line.hasPrefix("  -h, ") ? line.dropFirst(6) : line.dropFirst(2)
            return String(rest.prefix { $0 != " " })
        }
    }

    @Test(arguments: CommandTable.commands.map(\.name))
    func everyCommandAnswersDashHAndDashDashHelpWithItsOwnUsage(_ command: String) async throws {
        try await offPool {
            let long = try Demo.run([command, "--help"])
            #expect(long.status == 0)
            #expect(long.stderr.isEmpty, "\(long.stderr)")
            #expect(long.stdout.hasPrefix("usage: newskit-demo \(command)"), "\(long.stdout.prefix(200))")
            let short = try Demo.run([command, "-h"])
            #expect(short.status == 0)
            #expect(short.stdout == long.stdout)
            // Anywhere in the arguments, after operands and problems alike.
            let late = try Demo.run([command, "Examples/seeds", "--bogus", "-h"])
            #expect(late.status == 0)
            #expect(late.stdout == long.stdout)
            let viaHelp = try Demo.run(["help", command])
            #expect(viaHelp.status == 0)
            #expect(viaHelp.stdout == long.stdout)
        }
    }

    @Test func helpExtractEqualsExtractHelp() async throws {
        try await offPool {
            let a = try Demo.run(["help", "extract"]), b = try Demo.run(["extract", "--help"])
            #expect(a.status == 0 && b.status == 0)
            #expect(a.stdout == b.stdout)
            #expect(a.stdout.contains("--sink KIND:PATH"), "extract's help lists --sink")
        }
    }

    @Test(arguments: CommandTable.commands.map(\.name))
    func everyOptionListedInACommandsHelpIsOneItTakesAndEveryOneItTakesIsListed(_ command: String) async throws {
        let help = try await offPool { try Demo.run([command, "--help"]) }
        let listed = Self.listedOptions(help.stdout)
        #expect(listed.last == "--help")
        let spec = try #require(CommandTable.command(named: command))
        let own = CommandTable.options(of: command)
        for flag in listed where flag != "--help" {
            let option = try #require(own.first { $0.flag == flag }, "\(command) --help lists \(flag), which it does not take")
            #expect(throws: Never.self, "\(command) \(flag)") {
                try CommandLineParser.parse(CommandTableTests.arguments(option), for: spec)
            }
        }
        for option in own where !option.hidden {
            #expect(listed.contains(option.flag), "\(command) takes \(option.flag) but its help does not list it")
            for old in option.deprecatedNames { #expect(help.stdout.contains("--" + old), "the old name --\(old) is said") }
        }
    }

    @Test func versionPrintsTheVersionAndExitsZero() async throws {
        try await offPool {
            let r = try Demo.run(["--version"])
            #expect(r.status == 0)
            #expect(r.stdout == "newskit-demo \(DemoProgram.version)\n")
            #expect(!DemoProgram.version.isEmpty && DemoProgram.version.first!.isNumber)
        }
    }

    @Test func theProgramsHelpListsEveryCommandAndTheExitStatuses() async throws {
        try await offPool {
            for args in [[], ["--help"], ["-h"], ["help"]] {
                let r = try Demo.run(args)
                #expect(r.status == 0, "\(args)")
                for c in CommandTable.commands where c.name != "help" {
                    #expect(r.stdout.contains("\n  \(c.name) "), "\(args) lists \(c.name)")
                }
                #expect(r.stdout.contains("exit status:"))
                for status in ["0", "1", "2", "128+N"] { #expect(r.stdout.contains("\n  \(status) "), "exit status \(status)") }
            }
        }
    }

    @Test func docsCliHasARowForEveryOptionWithItsCommands() throws {
        let doc = try String(contentsOf: Demo.projectRoot.appendingPathComponent("docs/cli.md"), encoding: .utf8)
        let rows = doc.split(separator: "\n").filter { $0.hasPrefix("| `-") }
        for option in CommandTable.options where !option.hidden {
            let commands = "| " + option.commands.joined(separator: ", ") + " |"
            #expect(rows.contains { $0.hasPrefix("| `\(option.label)`") && $0.contains(commands) },
                    "docs/cli.md has no row for \(option.label) on \(option.commands.joined(separator: ", "))")
        }
        for (status, _) in DemoProgram.exitStatuses { #expect(doc.contains("| \(status) |"), "exit status \(status) in docs/cli.md") }
    }

    @Test func helpForAnUnknownCommandIsAUsageError() async throws {
        try await offPool {
            let r = try Demo.run(["help", "frobnicate"])
            #expect(r.status == 2)
            #expect(r.stderr.contains("newskit-demo help: unknown command frobnicate"))
            #expect(r.stdout.isEmpty)
        }
    }
}
