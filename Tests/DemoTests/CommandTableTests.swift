import Foundation
import Testing
@testable import newskit_demo

/// The table itself holds together: every option names real commands, no command has two
/// options of one name, conflicts and usage lines name options the command takes, defaults
/// pass their own checks. A mistake here would make help and parsing disagree.
@Suite struct CommandTableTests {
    static let commandNames = CommandTable.commands.map(\.name)

    /// A value each kind accepts, for driving the parser from the table.
    static func sample(_ option: OptionSpec) -> String? {
        switch option.kind {
        case .flag: return nil
        case .text: return option.name == "sink" ? "jsonl:/dev/null" : "x"
        case .choice(let words): return words.first
        case .wholeNumber(let range): return String(range.lowerBound)
        case .seconds(let range): return ValueKind.format(range.lowerBound)
        }
    }

    /// `["--jobs", "1"]` or `["--explain"]`, under the name given.
    static func arguments(_ option: OptionSpec, as name: String? = nil) -> [String] {
        ["--" + (name ?? option.name)] + (sample(option).map { [$0] } ?? [])
    }

    @Test func everyOptionNamesCommandsThatExist() {
        for option in CommandTable.options {
            #expect(!option.commands.isEmpty, "\(option.flag) is taken by no command")
            for c in option.commands { #expect(Self.commandNames.contains(c), "\(option.flag) names \(c), which is not a command") }
        }
        #expect(Set(Self.commandNames).count == Self.commandNames.count, "a command is listed twice")
    }

    @Test func noCommandHasTwoOptionsAnsweringToOneName() {
        for command in Self.commandNames {
            let names = CommandTable.options(of: command).flatMap { [$0.name] + $0.deprecatedNames }
            #expect(Set(names).count == names.count, "\(command) has two options called the same: \(names.sorted())")
            #expect(!names.contains("help"), "--help belongs to every command and is not in the table")
        }
    }

    @Test func aFlagHasNoPlaceholderAndAValueOptionHasOne() {
        for option in CommandTable.options {
            #expect((option.placeholder == nil) == (option.kind == .flag), "\(option.label)")
            #expect(!option.help.isEmpty, "\(option.flag) has no help")
        }
    }

    @Test func defaultsPassTheirOwnChecks() {
        for option in CommandTable.options {
            guard let value = option.defaultValue else { continue }
            #expect(option.kind.problem(with: value, option: option.flag) == nil, "\(option.flag) defaults to \(value)")
        }
    }

    @Test func conflictsNameOptionsTheCommandTakes() {
        for command in CommandTable.commands {
            let names = CommandTable.options(of: command.name).map(\.name)
            for conflict in command.conflicts {
                #expect(names.contains(conflict.option), "\(command.name): --\(conflict.option) in a conflict")
                for case .option(let other) in conflict.others { #expect(names.contains(other), "\(command.name): --\(other) in a conflict") }
                if conflict.others.contains(.operands) { #expect(!command.operands.isEmpty, "\(command.name) takes no operands") }
            }
        }
    }

    @Test func usageLinesMentionOnlyTheCommandsOwnOptions() {
        for command in CommandTable.commands {
            for form in command.usage {
                for word in form.split(separator: " ") where word.contains("--") {
                    let name = String(word.drop { $0 == "[" || $0 == "-" }.prefix { $0 != "]" && $0 != " " })
                    #expect(CommandTable.options(of: command.name).contains { $0.answers(to: name) }, "\(command.name) usage names --\(name)")
                }
            }
        }
    }

    @Test func theParserTakesEveryOptionOfACommandUnderEveryNameItHas() throws {
        for command in CommandTable.commands {
            for option in CommandTable.options(of: command.name) {
                for name in [option.name] + option.deprecatedNames {
                    let args = try CommandLineParser.parse(Self.arguments(option, as: name), for: command)
                    #expect(args.given(option.name), "\(command.name) \(name)")
                    #expect(args.notes.isEmpty == (name == option.name), "an old name gets a note: \(args.notes)")
                }
            }
        }
    }

    @Test func theParserRefusesEveryOptionOfOtherCommands() {
        for command in CommandTable.commands {
            let own = CommandTable.options(of: command.name)
            for option in CommandTable.options where !own.contains(where: { $0.answers(to: option.name) }) {
                #expect(throws: UsageError.self, "\(command.name) --\(option.name)") {
                    try CommandLineParser.parse(Self.arguments(option), for: command)
                }
            }
        }
    }

    @Test func anOldNameReadsAsTheNewOneWithANote() throws {
        let fetch = try #require(CommandTable.command(named: "fetch"))
        let args = try CommandLineParser.parse(["--concurrency", "3", "http://x"], for: fetch)
        #expect(args.int("jobs") == 3)
        #expect(args.notes == ["--concurrency is deprecated; use --jobs"])
        #expect(args.optionArguments == ["--jobs=3"], "passed on under its new name")
    }

    @Test func valuesCanFollowAnEqualsSignOrTheOptionAndTheLastOneCounts() throws {
        let extract = try #require(CommandTable.command(named: "extract"))
        let args = try CommandLineParser.parse(["--format=json", "a.html", "--format", "text", "--gazetteer", "g1.json", "--gazetteer=g2.json", "--", "-h", "--jobs"],
                                               for: extract)
        #expect(args.text("format") == "text")
        #expect(args.texts("gazetteer") == ["g1.json", "g2.json"], "a repeatable option keeps every value")
        #expect(args.operands == ["a.html", "-h", "--jobs"], "after -- everything is an operand")
        #expect(!args.wantsHelp)
        #expect(args.int("jobs") == nil, "no default: the command uses the number of processors")
    }

    @Test func helpWinsOverProblemsAnywhereBeforeTheEndOfOptions() throws {
        let extract = try #require(CommandTable.command(named: "extract"))
        #expect(try CommandLineParser.parse(["--bogus", "--jobs", "0", "pages", "-h"], for: extract).wantsHelp)
        #expect(try CommandLineParser.parse(["--format", "--help"], for: extract).wantsHelp, "--help is not taken as a value")
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let extract = try #require(CommandTable.command(named: "extract"))
        do {
            _ = try CommandLineParser.parse(["--delay", "1", "--jobs", "0", "--format", "xml", "--explain=yes"], for: extract)
            Issue.record("parsed")
        } catch {
            #expect(error.command == "extract")
            #expect(error.problems == [
                "unknown option --delay (an option of fetch, crawl and discover)",
                "--jobs must be a whole number from 1 to 256, not 0",
                "--format must be jsonl, json, markdown, text or brief, not xml",
                "--explain takes no value",
            ])
        }
    }
}
