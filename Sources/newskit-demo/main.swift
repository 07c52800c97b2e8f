import Foundation

// The commands, their options and their help are one table: see Table/CommandTable.swift.
exit(await DemoProgram.main(Array(CommandLine.arguments.dropFirst())))
