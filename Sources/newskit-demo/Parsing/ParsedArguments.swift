/// What ``CommandLineParser`` read for one command: flags, option values (by the option's name
/// in the table, whatever name was written) and operands, every value already checked
/// against its ``ValueKind``. Commands read their values from here.
///
/// ```swift
/// let jobs = args.int("jobs")!          // given, or the table's default
/// let sinks = args.texts("sink")        // every value of a repeatable option
/// ```
/// Asking for an option the command does not take is a programming error (a precondition
/// failure), so a misspelt name cannot silently read nothing.
struct ParsedArguments: Sendable {
    /// The command parsed for.
    let command: CommandSpec
    /// The options it takes.
    let options: [OptionSpec]
    /// The positional arguments, in order.
    var operands: [String] = []
    /// `-h` or `--help` was given (anywhere before `--`).
    var wantsHelp = false
    /// Lines for stderr that are not problems (an old option name was used).
    var notes: [String] = []
    private var flags: Set<String> = []
    private var values: [String: [String]] = [:]

    init(command: CommandSpec, options: [OptionSpec]) {
        self.command = command
        self.options = options
    }

    /// Whether the command takes the option at all.
    func takes(_ name: String) -> Bool {
        options.contains { $0.name == name }
    }

    /// Whether the flag was given.
    func has(_ flag: String) -> Bool {
        precondition(spec(flag).kind == .flag, "--\(flag) takes a value")
        return flags.contains(flag)
    }

    /// Whether the option (flag or not) was given.
    func given(_ name: String) -> Bool {
        _ = spec(name)
        return flags.contains(name) || values[name] != nil
    }

    /// The option's value: the last one given, or the table's default.
    func text(_ name: String) -> String? {
        values[name]?.last ?? spec(name).defaultValue
    }

    /// Every value given of a repeatable option, in order.
    func texts(_ name: String) -> [String] {
        _ = spec(name)
        return values[name] ?? []
    }

    /// A whole-number option, given or defaulted.
    func int(_ name: String) -> Int? {
        guard case .wholeNumber = spec(name).kind else { preconditionFailure("--\(name) is not a whole number") }
        return text(name).flatMap { Int($0) }
    }

    /// A seconds option, given or defaulted.
    func seconds(_ name: String) -> Double? {
        guard case .seconds = spec(name).kind else { preconditionFailure("--\(name) is not a number of seconds") }
        return text(name).flatMap { Double($0) }
    }

    /// The options given, as arguments again (no operands, table names), to pass on to a worker.
    var optionArguments: [String] {
        options.flatMap { o -> [String] in
            if o.kind == .flag { return flags.contains(o.name) ? [o.flag] : [] }
            return (values[o.name] ?? []).map { "\(o.flag)=\($0)" }
        }
    }

    /// Records a flag (the parser, or a command that turns one on for a second try).
    mutating func set(flag name: String) {
        precondition(spec(name).kind == .flag, "--\(name) takes a value")
        flags.insert(name)
    }

    /// Records a value (the parser): replaces the last one unless the option is repeatable.
    mutating func add(_ value: String, for name: String) {
        if spec(name).repeatable { values[name, default: []].append(value) } else { values[name] = [value] }
    }

    private func spec(_ name: String) -> OptionSpec {
        guard let s = options.first(where: { $0.name == name }) else {
            preconditionFailure("newskit-demo \(command.name) has no option --\(name) in the command table")
        }
        return s
    }
}
