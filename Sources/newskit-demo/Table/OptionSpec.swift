/// One option in the table: its name, its value, its help, and the commands that take it.
///
/// ```swift
/// OptionSpec(name: "jobs", placeholder: "N", kind: .wholeNumber(1...1024), help: "transfers at once",
///            commands: ["fetch", "crawl"], defaultValue: "8", deprecatedNames: ["concurrency"])
/// ```
/// Two entries may share a name when no command takes both (`--limit` on `crawl` and on `search`).
struct OptionSpec: Sendable {
    /// The name without dashes: `jobs` for `--jobs`.
    let name: String
    /// What the value looks like in help (`N`, `FILE`); nil for a flag.
    let placeholder: String?
    /// What the value may be; checked by the parser.
    let kind: ValueKind
    /// What it does, in one or more sentences (wrapped when printed; the range, default and
    /// repeatability are added from the fields below).
    let help: String
    /// The commands that take it, by ``CommandSpec/name``.
    let commands: [String]
    /// The value a command reads when the option is not given; said in help as `default X`.
    var defaultValue: String? = nil
    /// May be given more than once, every value kept; otherwise the last one given counts.
    var repeatable = false
    /// Old names still accepted, each with a one-line note on stderr naming the new one.
    var deprecatedNames: [String] = []
    /// Left out of help and of hints: an option newskit-demo passes to itself.
    var hidden = false

    /// `--jobs`.
    var flag: String { "--" + name }

    /// `--jobs N`, as help lists it.
    var label: String { placeholder.map { "\(flag) \($0)" } ?? flag }

    /// Whether `name` (without dashes) is this option's name or one of its old names.
    func answers(to name: String) -> Bool { name == self.name || deprecatedNames.contains(name) }
}
