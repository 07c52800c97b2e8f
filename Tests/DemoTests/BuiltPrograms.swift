import Foundation

/// The package's programs as the build left them, and a way to run one to its end.
enum BuiltPrograms {
    /// A built executable beside the test bundle (or in .build/debug), or nil when it was not built.
    static func find(_ name: String) -> URL? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        let fallback = DemoCommandTests.projectRoot.appendingPathComponent(".build/debug/" + name)
        return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }

    /// How a run ended and what it printed.
    struct Run { var status: Int32; var stdout: String; var stderr: String }

    /// Runs `program` with `arguments` (in `directory`, by default the project root), writing
    /// `stdin` to its standard input (closed either way), and waits for it.
    static func run(_ program: URL, _ arguments: [String] = [], stdin: String? = nil,
                    in directory: URL = DemoCommandTests.projectRoot) throws -> Run {
        let p = Process()
        p.executableURL = program
        p.arguments = arguments
        p.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inp.fileHandleForWriting.close()
        // Standard error is read on its own thread, so a program that fills it cannot block.
        final class Box: @unchecked Sendable { var data = Data() }
        let errors = Box()
        let reader = Thread { errors.data = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: errors.data, as: UTF8.self))
    }
}
