/// Help made from the ``CommandTable``: a command's usage, arguments, options and details, the
/// program's list of commands and exit statuses, and the short usage printed after an error.
enum HelpText {
    /// Lines are wrapped to this many columns.
    static let width = 100
    /// The column where option and argument help starts.
    static let helpColumn = 23

    /// `usage: newskit-demo extract [PATH...] [options]` and the command's other forms.
    static func usage(_ command: CommandSpec) -> String {
        command.usage.enumerated().map { i, form in
            (i == 0 ? "usage: " : "       ") + "newskit-demo \(command.name)" + (form.isEmpty ? "" : " " + form)
        }.joined(separator: "\n")
    }

    /// What `newskit-demo COMMAND --help` prints.
    static func command(_ command: CommandSpec, options: [OptionSpec]? = nil) -> String {
        let options = (options ?? CommandTable.options(of: command.name)).filter { !$0.hidden }
        var lines = [usage(command), ""]
        lines += wrap(command.summary.prefix(1).uppercased() + command.summary.dropFirst() + ".", indent: 0)
        if !command.operands.isEmpty {
            lines += ["", "arguments:"]
            for operand in command.operands { lines += entry(operand.name, operand.help) }
        }
        lines += ["", "options:"]
        for option in options { lines += entry(option.label, describe(option)) }
        lines += entry("-h, --help", "print this help and exit")
        if !command.details.isEmpty {
            lines.append("")
            for paragraph in command.details { lines += wrap(paragraph, indent: 0) }
        }
        return lines.joined(separator: "\n")
    }

    /// An option's help with its range, default, repeatability and old names added.
    static func describe(_ option: OptionSpec) -> String {
        var notes: [String] = []
        if let range = option.kind.rangeInWords { notes.append(range) }
        if let d = option.defaultValue { notes.append("default \(d)") }
        if option.repeatable { notes.append("repeatable") }
        var text = option.help + (notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")")
        if !option.deprecatedNames.isEmpty {
            text += "; " + option.deprecatedNames.map { "--" + $0 }.joined(separator: ", ") + " is an old name for it"
        }
        return text
    }

    /// What `newskit-demo`, `newskit-demo --help` and `newskit-demo help` print.
    static func program(_ commands: [CommandSpec] = CommandTable.commands) -> String {
        var lines = [
            "newskit-demo \(DemoProgram.version): read Korean news pages into clean, structured articles.",
            "",
            "usage: newskit-demo COMMAND [options]",
            "       newskit-demo help COMMAND      (or COMMAND --help) a command's options",
            "       newskit-demo --version",
            "",
            "commands:",
        ]
        let column = (commands.map(\.name.count).max() ?? 8) + 4
        for c in commands where c.name != "help" {
            lines += wrap(c.summary, indent: column, first: "  " + c.name.padding(toLength: column - 2, withPad: " ", startingAt: 0))
        }
        lines += ["", "exit status:"]
        for (status, meaning) in DemoProgram.exitStatuses {
            lines += wrap(meaning, indent: 10, first: "  " + status.padding(toLength: 8, withPad: " ", startingAt: 0))
        }
        lines += ["", "Options are accepted only by the commands they work on; `--` ends the options (for a file named -x)."]
        return lines.joined(separator: "\n")
    }

    /// The lines printed after a usage error: the command's usage and where its help is.
    static func afterError(_ command: CommandSpec?) -> String {
        guard let command else { return "Run `newskit-demo --help` for the commands." }
        return usage(command) + "\nRun `newskit-demo \(command.name) --help` for its options."
    }

    /// `  --jobs N             pages extracted …`, the label on a line of its own when it is long.
    static func entry(_ label: String, _ help: String) -> [String] {
        let head = "  " + label
        if head.count <= helpColumn - 2 {
            return wrap(help, indent: helpColumn, first: head.padding(toLength: helpColumn, withPad: " ", startingAt: 0))
        }
        return [head] + wrap(help, indent: helpColumn)
    }

    /// `text` in lines of at most ``width`` columns, each after `indent` spaces (the first after
    /// `first` when given); a text starting with spaces is kept as written.
    static func wrap(_ text: String, indent: Int, first: String? = nil) -> [String] {
        let pad = String(repeating: " ", count: indent)
        if text.hasPrefix(" ") { return [(first ?? pad) + text] }
        var lines: [String] = []
        var line = first ?? pad
        var lineIsEmpty = true
        for word in text.split(separator: " ") {
            if !lineIsEmpty && line.terminalWidth + 1 + String(word).terminalWidth > width {
                lines.append(line)
                line = pad
                lineIsEmpty = true
            }
            line += (lineIsEmpty ? "" : " ") + word
            lineIsEmpty = false
        }
        lines.append(line)
        return lines
    }
}
