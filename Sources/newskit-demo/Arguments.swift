/// A small command-line parser: `--flag`, `--option VALUE` or `--option=VALUE` (repeatable),
/// positionals, and `--` to end options. Problems are collected, not thrown one at a time.
struct Arguments {
    var flags: Set<String> = []
    var options: [String: [String]] = [:]
    var positionals: [String] = []
    var problems: [String] = []

    /// - Parameters:
    ///   - raw: the arguments after the command name.
    ///   - flags: options that take no value.
    ///   - options: options that take a value.
    init(_ raw: [String], flags knownFlags: Set<String>, options knownOptions: Set<String>) {
        var i = 0
        var onlyPositionals = false
        while i < raw.count {
            let a = raw[i]
            i += 1
            if onlyPositionals || !a.hasPrefix("--") || a == "-" {
                positionals.append(a)
                continue
            }
            if a == "--" { onlyPositionals = true; continue }
            var name = String(a.dropFirst(2))
            var value: String? = nil
            if let eq = name.firstIndex(of: "=") {
                value = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            if knownFlags.contains(name) {
                if value != nil { problems.append("--\(name) takes no value") }
                flags.insert(name)
            } else if knownOptions.contains(name) {
                if value == nil {
                    if i < raw.count { value = raw[i]; i += 1 } else { problems.append("--\(name) needs a value") }
                }
                if let value { options[name, default: []].append(value) }
            } else {
                problems.append("unknown option --\(name)")
            }
        }
    }

    func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// The flags and options as arguments again (no positionals), to pass on to a worker.
    var optionArguments: [String] {
        flags.sorted().map { "--" + $0 } + options.keys.sorted().flatMap { key in options[key]!.flatMap { ["--" + key, $0] } }
    }
    func value(_ option: String) -> String? { options[option]?.last }
    func values(_ option: String) -> [String] { options[option] ?? [] }

    /// An integer option, recording a problem when it is not one.
    mutating func int(_ option: String, default d: Int, range: ClosedRange<Int> = 0...Int.max) -> Int {
        guard let v = value(option) else { return d }
        guard let n = Int(v), range.contains(n) else {
            problems.append("--\(option) must be \(Arguments.describe(range)), not \(v)")
            return d
        }
        return n
    }

    /// A number option (seconds and the like) within `range`, recording a problem when it is not
    /// one: `inf`, `nan`, negative and absurd values are usage errors, not traps further down.
    mutating func double(_ option: String, default d: Double, range: ClosedRange<Double>, unit: String = "seconds") -> Double {
        guard let v = value(option) else { return d }
        guard let n = Double(v), n.isFinite, range.contains(n) else {
            problems.append("--\(option) must be a number of \(unit) from \(Arguments.format(range.lowerBound)) to \(Arguments.format(range.upperBound)), not \(v)")
            return d
        }
        return n
    }

    /// A range in words: `at least 1`, `from 0 to 20`.
    static func describe(_ range: ClosedRange<Int>) -> String {
        if range.upperBound == Int.max { return "a whole number of at least \(range.lowerBound)" }
        return "a whole number from \(range.lowerBound) to \(range.upperBound)"
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
