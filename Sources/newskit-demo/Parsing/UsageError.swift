/// A command line newskit-demo cannot run: every problem found, for the command it concerns.
/// The program prints them with the command's usage lines and exits with status 2
/// (``UsageError/exitStatus``); nothing has been read or written by then.
///
/// ```text
/// newskit-demo extract: unknown option --delay (an option of fetch and crawl)
/// newskit-demo extract: --jobs must be a whole number from 1 to 256, not 0
/// ```
struct UsageError: Error, Sendable, CustomStringConvertible {
    /// The command, or nil for the program itself (`newskit-demo --bogus`).
    let command: String?
    /// One sentence each, naming the option or argument concerned.
    let problems: [String]

    /// The exit status of a usage error.
    static let exitStatus: Int32 = 2

    init(command: String?, _ problems: [String]) {
        self.command = command
        self.problems = problems
    }

    /// One line per problem, each starting `newskit-demo COMMAND:`.
    var description: String {
        let prefix = "newskit-demo" + (command.map { " " + $0 } ?? "") + ": "
        return problems.map { prefix + $0 }.joined(separator: "\n")
    }
}
