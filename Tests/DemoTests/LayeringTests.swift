import Foundation
import Testing

/// The layering holds in the binaries, not only in Package.swift: a program built on the core and
/// the adapters alone links neither libcurl nor SQLite.
@Suite struct LayeringTests {
    /// The shared libraries a binary loads, as the platform's loader lists them.
    static func linkedLibraries(_ binary: URL) throws -> String {
        #if os(macOS)
        let run = try BuiltPrograms.run(URL(fileURLWithPath: "/usr/bin/otool"), ["-L", binary.path])
        #else
        let run = try BuiltPrograms.run(URL(fileURLWithPath: "/usr/bin/ldd"), [binary.path])
        #endif
        #expect(run.status == 0, "the loader listing failed for \(binary.path)")
        return run.stdout
    }

    @Test(arguments: ["SavedPagesExample", "HTMLStatsExample", "HTMLParseExample"])
    func aProgramOnTheCoreLinksNeitherCurlNorSQLite(_ name: String) throws {
        let example = try #require(BuiltPrograms.find(name), "\(name) was not built")
        let demo = try #require(BuiltPrograms.find("newskit-demo"), "newskit-demo was not built")
        let exampleLibraries = try Self.linkedLibraries(example)
        let demoLibraries = try Self.linkedLibraries(demo)
        // The check can see the libraries: the demo, which uses every layer, links SQLite. libcurl
        // is loaded at its first use on Linux (Sources/CCurl/shim.c), so what shows that a binary
        // can fetch is the fetching shim in it, which names the library it loads.
        #expect(demoLibraries.contains("libsqlite3"))
        let curlName = Array("libcurl.so.4".utf8)
        func holdsFetchingShim(_ binary: URL) throws -> Bool {
            let bytes = [UInt8](try Data(contentsOf: binary))
            return bytes.withUnsafeBufferPointer { b in
                guard b.count >= curlName.count else { return false }
                for i in 0...(b.count - curlName.count) where b[i] == curlName[0] && b[i..<(i + curlName.count)].elementsEqual(curlName) { return true }
                return false
            }
        }
        #if os(Linux)
        #expect(try holdsFetchingShim(demo), "newskit-demo holds no fetching shim: the check cannot see it")
        #expect(try !holdsFetchingShim(example), "\(name) holds the libcurl shim")
        #else
        #expect(demoLibraries.contains("libcurl"))
        #endif
        #expect(!exampleLibraries.contains("libcurl"), "\(name) links libcurl:\n\(exampleLibraries)")
        #expect(!exampleLibraries.contains("libsqlite3"), "\(name) links SQLite:\n\(exampleLibraries)")
        #expect(!exampleLibraries.contains("libz."), "\(name) links zlib:\n\(exampleLibraries)")
    }

    @Test func theCoreOnlyExampleExtractsSavedPages() throws {
        let example = try #require(BuiltPrograms.find("SavedPagesExample"), "SavedPagesExample was not built")
        let seeds = DemoCommandTests.projectRoot.appendingPathComponent("Examples/seeds")
        let paths = try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted().map { seeds.appendingPathComponent($0).path }
        let run = try BuiltPrograms.run(example, paths + ["/nonexistent/page.html"])
        #expect(run.status == 1)
        #expect(run.stdout.split(separator: "\n").count == paths.count)
        #expect(run.stderr.contains("/nonexistent/page.html"))
    }

    @Test func theHTMLModuleAloneParsesPagesAndNamesWhatItCannotRead() throws {
        let example = try #require(BuiltPrograms.find("HTMLParseExample"), "HTMLParseExample was not built")
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("html-parse-\(getpid()) \"q\".html")
        try Data("<title>t</title><p>북한 <b>김정은</b>".utf8).write(to: page)
        defer { try? FileManager.default.removeItem(at: page) }
        let run = try BuiltPrograms.run(example, [page.path, "/nonexistent/page.html"])
        #expect(run.status == 1)
        // Document, html, head, title, its text, body, p, two texts, b: 10 nodes.
        let escaped = page.path.replacingOccurrences(of: "\"", with: "\\\"")
        #expect(run.stdout == "{\"bytes\":42,\"nodes\":10,\"path\":\"\(escaped)\"}\n")
        #expect(run.stderr.contains("/nonexistent/page.html: No such file or directory"))
    }

    /// The HTML module stands alone: it imports the C library, never Foundation, so a program
    /// that only parses (Examples/HTMLParse) loads no Foundation when built statically.
    @Test func theHTMLModuleImportsNoFoundation() throws {
        let folder = DemoCommandTests.projectRoot.appendingPathComponent("Sources/NewsKit/HTML")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 20)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let imports = text.split(separator: "\n").filter { $0.hasPrefix("import ") || $0.hasPrefix("@_exported import ") }
            #expect(!imports.contains { $0.contains("Foundation") }, "\(file) imports Foundation")
        }
    }
}
