import Foundation
import Testing

/// The layering holds in the binaries, not only in Package.swift: a program built on the core and
/// the adapters alone links neither libcurl nor SQLite.
@Suite struct LayeringTests {
    /// A built executable beside the test bundle (the same search as the demo's).
    static func built(_ name: String) -> URL? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        let fallback = DemoCommandTests.projectRoot.appendingPathComponent(".build/debug/" + name)
        return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }

    /// The shared libraries a binary loads, as the platform's loader lists them.
    static func linkedLibraries(_ binary: URL) throws -> String {
        let p = Process()
        #if os(macOS)
        p.executableURL = URL(fileURLWithPath: "/usr/bin/otool")
        p.arguments = ["-L", binary.path]
        #else
        p.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        p.arguments = [binary.path]
        #endif
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "the loader listing failed for \(binary.path)")
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aProgramOnTheCoreAndAdaptersLinksNeitherCurlNorSQLite() throws {
        let example = try #require(Self.built("SavedPagesExample"), "SavedPagesExample was not built")
        let demo = try #require(Self.built("newskit-demo"), "newskit-demo was not built")
        let exampleLibraries = try Self.linkedLibraries(example)
        let demoLibraries = try Self.linkedLibraries(demo)
        // The check can see the libraries: the demo, which uses every layer, links both.
        #expect(demoLibraries.contains("libcurl"))
        #expect(demoLibraries.contains("libsqlite3"))
        #expect(!exampleLibraries.contains("libcurl"), "SavedPagesExample links libcurl:\n\(exampleLibraries)")
        #expect(!exampleLibraries.contains("libsqlite3"), "SavedPagesExample links SQLite:\n\(exampleLibraries)")
        #expect(!exampleLibraries.contains("libz."), "SavedPagesExample links zlib:\n\(exampleLibraries)")
    }

    @Test func theCoreOnlyExampleExtractsSavedPages() throws {
        let example = try #require(Self.built("SavedPagesExample"), "SavedPagesExample was not built")
        let seeds = DemoCommandTests.projectRoot.appendingPathComponent("Examples/seeds")
        let paths = try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted().map { seeds.appendingPathComponent($0).path }
        let p = Process()
        p.executableURL = example
        p.arguments = paths + ["/nonexistent/page.html"]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
        #expect(o.split(separator: "\n").count == paths.count)
        #expect(e.contains("/nonexistent/page.html"))
    }
}
