/// Reads a command's arguments against the ``CommandTable``: `--option VALUE`, `--option=VALUE`,
/// flags, operands, `-` (standard input, an operand) and `--` (everything after it is an
/// operand). `-h` and `--help` ask for help anywhere before `--`.
///
/// Every problem is collected before any is reported: unknown options (saying which commands
/// take them), values outside their kind, options that cannot go together, operands for a
/// command that takes none. Help wins over problems, so `extract --bogus -h` prints help.
///
/// ```swift
/// let args = try CommandLineParser.parse(["--jobs", "4", "pages/"], for: CommandTable.command(named: "extract")!)
/// args.int("jobs")   // 4
/// args.operands      // ["pages/"]
/// ```
enum CommandLineParser {
    /// - Parameters:
    ///   - raw: the arguments after the command name.
    ///   - command: the command they are for.
    ///   - table: every option (the command's are those that name it).
    /// - Returns: the values read; `wantsHelp` is set when help was asked for.
    /// - Throws: a ``UsageError`` listing every problem, unless help was asked for.
    static func parse(_ raw: [String], for command: CommandSpec, table: [OptionSpec] = CommandTable.options) throws(UsageError) -> ParsedArguments {
        let options = table.filter { $0.commands.contains(command.name) }
        var result = ParsedArguments(command: command, options: options)
        var problems: [String] = []
        var i = 0
        var onlyOperands = false
        while i < raw.count {
            let argument = raw[i]
            i += 1
            if onlyOperands || argument == "-" || !argument.hasPrefix("-") {
                result.operands.append(argument)
                continue
            }
            if argument == "--" { onlyOperands = true; continue }
            if argument == "-h" || argument == "--help" { result.wantsHelp = true; continue }
            guard argument.hasPrefix("--") else {
                problems.append(unknown(argument, command: command.name, options: options, table: table))
                continue
            }
            var written = argument
            var value: String? = nil
            if let eq = argument.firstIndex(of: "=") {
                written = String(argument[..<eq])
                value = String(argument[argument.index(after: eq)...])
            }
            let name = String(written.dropFirst(2))
            if name == "help" { problems.append("--help takes no value"); continue }
            guard let spec = options.first(where: { $0.answers(to: name) }) else {
                problems.append(unknown(written, command: command.name, options: options, table: table))
                continue
            }
            if name != spec.name {
                let note = "\(written) is deprecated; use \(spec.flag)"
                if !result.notes.contains(note) { result.notes.append(note) }
            }
            guard spec.kind.takesValue else {
                if value != nil { problems.append("\(written) takes no value") } else { result.set(flag: spec.name) }
                continue
            }
            if value == nil {
                // The next argument is the value, unless it is help or another option of this command.
                guard i < raw.count, !isOption(raw[i], of: options) else {
                    problems.append("\(written) needs a value (\(spec.placeholder ?? "VALUE"))")
                    continue
                }
                value = raw[i]
                i += 1
            }
            if let problem = spec.kind.problem(with: value!, option: written) {
                problems.append(problem)
            } else {
                result.add(value!, for: spec.name)
            }
        }
        if command.operands.isEmpty && !result.operands.isEmpty {
            problems.append("unexpected argument \(result.operands.joined(separator: " ")): \(command.name) takes none")
        }
        problems += conflicts(in: result)
        if result.wantsHelp { return result }
        guard problems.isEmpty else { throw UsageError(command: command.name, problems) }
        return result
    }

    /// `-h`, `--help`, or one of the command's options (so `--format --jobs 2` says --format needs a value).
    static func isOption(_ argument: String, of options: [OptionSpec]) -> Bool {
        if argument == "-h" || argument == "--help" { return true }
        guard argument.hasPrefix("--") else { return false }
        let name = argument.dropFirst(2).prefix { $0 != "=" }
        return options.contains { $0.answers(to: String(name)) }
    }

    /// One problem per option given with something it cannot go with.
    static func conflicts(in result: ParsedArguments) -> [String] {
        func present(_ party: Conflict.Party) -> Bool {
            switch party {
            case .option(let name): return result.given(name)
            case .operands: return !result.operands.isEmpty
            }
        }
        func said(_ party: Conflict.Party) -> String {
            switch party {
            case .option(let name): return "--" + name
            case .operands: return result.command.operands.first?.name ?? "arguments"
            }
        }
        var problems: [String] = []
        for conflict in result.command.conflicts where present(.option(conflict.option)) {
            for other in conflict.others where present(other) {
                problems.append("--\(conflict.option) cannot go with \(said(other)): \(conflict.reason)")
            }
        }
        return problems
    }

    /// `unknown option --delay (an option of fetch and crawl)`, or `…; did you mean --jobs?`.
    static func unknown(_ written: String, command: String, options: [OptionSpec], table: [OptionSpec]) -> String {
        let name = String(written.drop { $0 == "-" })
        var elsewhere: [String] = []
        for spec in table where !spec.hidden && spec.answers(to: name) {
            for c in spec.commands where c != command && !elsewhere.contains(c) { elsewhere.append(c) }
        }
        if !elsewhere.isEmpty {
            return "unknown option \(written) (an option of \(ValueKind.list(elsewhere, joinedBy: "and")))"
        }
        let near = options.filter { !$0.hidden && editDistance($0.name, name) <= 2 }.map(\.flag)
        return "unknown option \(written)" + (near.isEmpty ? "" : "; did you mean \(ValueKind.list(near, joinedBy: "or"))?")
    }

    /// Levenshtein distance, for suggestions.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
