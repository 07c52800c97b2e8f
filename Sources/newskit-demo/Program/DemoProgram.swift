import Foundation

/// The program: reads the command name, parses the command's arguments with the
/// ``CommandTable``, and runs it; `--help`, `help COMMAND` and `--version` are answered here.
enum DemoProgram {
    /// What `newskit-demo --version` prints after the name.
    static let version = "0.1.0"

    /// The exit statuses every command uses, for `--help` and docs/cli.md.
    static let exitStatuses: [(String, String)] = [
        ("0", "success"),
        ("1", "some inputs failed (each named on stderr) after every other input was processed; for search, nothing matched"),
        ("2", "usage error: an unknown option, a bad value, options that cannot go together, or a file named on the command line that cannot be used (a sink, a gazetteer, search's database); nothing was extracted"),
        ("130", "interrupted (Ctrl-C, SIGINT) during extract, fetch or crawl: the pages in flight finished, the sinks were flushed and closed, the summary says how far the run got, and the same command resumes; a second Ctrl-C half a second later stops at once"),
        ("128+N", "killed by signal N (143 for kill, 137 for kill -9); no summary is printed, and with sinks a rerun resumes"),
    ]

    /// Runs the command line (without the program name) and returns the exit status.
    static func main(_ arguments: [String]) async -> Int32 {
        guard let first = arguments.first else {
            print(HelpText.program())
            return 0
        }
        switch first {
        case "-h", "--help":
            print(HelpText.program())
            return 0
        case "--version":
            print("newskit-demo \(version)")
            return 0
        default:
            break
        }
        guard let command = CommandTable.command(named: first) else {
            let problem = first.hasPrefix("-") ? "unknown option \(first)" : "unknown command \(first)"
            report(UsageError(command: nil, [problem]), command: nil)
            return UsageError.exitStatus
        }
        return await run(command, Array(arguments.dropFirst()))
    }

    /// Parses and runs one command; help and usage errors are answered the same way for all.
    static func run(_ command: CommandSpec, _ raw: [String]) async -> Int32 {
        do throws(UsageError) {
            let args = try CommandLineParser.parse(raw, for: command)
            if args.wantsHelp {
                print(HelpText.command(command))
                return 0
            }
            args.notes.forEach { warn("newskit-demo \(command.name): \($0)") }
            return try await command.run(args)
        } catch {
            report(error, command: command)
            return UsageError.exitStatus
        }
    }

    /// Prints a usage error and the usage lines on stderr.
    static func report(_ error: UsageError, command: CommandSpec?) {
        warn(error.description)
        warn(HelpText.afterError(command))
    }
}
