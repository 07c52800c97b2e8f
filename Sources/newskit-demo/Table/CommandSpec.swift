/// One command in the table: its name, what it does, how it is called, and the function that
/// runs it with its parsed arguments. Its options are the ``OptionSpec``s that name it.
struct CommandSpec: Sendable {
    /// `extract`.
    let name: String
    /// One line for the list of commands in `newskit-demo --help`.
    let summary: String
    /// What follows `newskit-demo NAME` in each usage line: `[PATH...] [options]`.
    let usage: [String]
    /// The positional arguments; a command with none refuses any.
    var operands: [OperandSpec] = []
    /// Lines printed after the options (each wrapped; a line starting with spaces is kept as written).
    var details: [String] = []
    /// Options it cannot take together.
    var conflicts: [Conflict] = []
    /// Runs the command; a ``UsageError`` it throws is printed with the usage (exit status 2).
    let run: @Sendable (ParsedArguments) async throws(UsageError) -> Int32
}
