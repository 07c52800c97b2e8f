/// `newskit-demo help [COMMAND]`: the program's help, or a command's (the same text as `COMMAND --help`).
enum HelpCommand {
    static func run(_ args: ParsedArguments) throws(UsageError) -> Int32 {
        switch args.operands.count {
        case 0:
            print(HelpText.program())
        case 1:
            guard let command = CommandTable.command(named: args.operands[0]) else {
                throw UsageError(command: "help", ["unknown command \(args.operands[0])"])
            }
            print(HelpText.command(command))
        default:
            throw UsageError(command: "help", ["give one command, not \(args.operands.joined(separator: " "))"])
        }
        return 0
    }
}
