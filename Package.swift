// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NewsKit",
    products: [
        .library(name: "NewsKit", targets: ["NewsKit"]),
        .library(name: "NewsKitHTML", targets: ["NewsKitHTML"]),
        .library(name: "NewsKitCore", targets: ["NewsKitCore"]),
        .library(name: "NewsKitFetching", targets: ["NewsKitFetching"]),
        .library(name: "NewsKitSQLite", targets: ["NewsKitSQLite"]),
        .library(name: "NewsKitPostgres", targets: ["NewsKitPostgres"]),
        .library(name: "NewsKitAdapters", targets: ["NewsKitAdapters"]),
        .executable(name: "newskit-demo", targets: ["newskit-demo"]),
    ],
    dependencies: [],
    targets: [
        // Layers as modules the compiler checks (docs/architecture in ../shared/ARCHITECTURE.md):
        // each may import only those below it. `import NewsKit` re-exports all four.
        .target(name: "NewsKitHTML", path: "Sources/NewsKit/HTML"),
        // The built-in gazetteer ships as a JSON resource users can read and extend.
        .target(name: "NewsKitCore", dependencies: ["NewsKitHTML"], path: "Sources/NewsKit/Core",
                resources: [.copy("Enrichment/gazetteer.json"), .copy("Extraction/block-classifier.json"),
                            .copy("Recognition/entity-tagger.bin"), .copy("Recognition/entity-tagger.LICENSE.md")]),
        // The only module that links libcurl and zlib.
        .target(name: "NewsKitFetching", dependencies: ["NewsKitCore", "CCurl", "CZlib"], path: "Sources/NewsKit/Fetching"),
        // The only module that links SQLite.
        .target(name: "NewsKitSQLite", dependencies: ["NewsKitCore", "CSQLite"], path: "Sources/NewsKit/SQLite"),
        // The only module that links libpq; not re-exported by NewsKit, so a user who does not
        // write to PostgreSQL needs no libpq.
        .target(name: "NewsKitPostgres", dependencies: ["NewsKitCore", "CPostgres"], path: "Sources/NewsKit/Postgres"),
        .target(name: "NewsKit", dependencies: ["NewsKitHTML", "NewsKitCore", "NewsKitFetching", "NewsKitSQLite"],
                path: "Sources/NewsKit/Exports"),
        // C shims for the system libraries (Debian: libcurl4-openssl-dev, zlib1g-dev, libsqlite3-dev, libpq-dev).
        // On Linux libcurl is loaded at its first use (Sources/CCurl/shim.c), not linked: most
        // runs never fetch, and its libraries cost every process start several milliseconds.
        .target(name: "CCurl", dependencies: ["CLazyLibrary"], linkerSettings: [.linkedLibrary("curl", .when(platforms: [.macOS]))]),
        // Loads a library at its first use (dlopen), for the libcurl and libpq shims.
        .target(name: "CLazyLibrary", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "CZlib", linkerSettings: [.linkedLibrary("z")]),
        .target(name: "CSQLite", linkerSettings: [.linkedLibrary("sqlite3")]),
        // libpq too is loaded at its first use on Linux (Sources/CPostgres/shim.c).
        .target(name: "CPostgres", dependencies: ["CLazyLibrary"], linkerSettings: [.linkedLibrary("pq", .when(platforms: [.macOS]))]),
        .target(name: "NewsKitAdapters", dependencies: ["NewsKitCore"], path: "Sources/Adapters"),
        .executableTarget(name: "newskit-demo", dependencies: ["NewsKit", "NewsKitPostgres", "NewsKitAdapters", "CProcess"]),
        // The demo's crash-isolated workers die with their supervisor (prctl is variadic).
        .target(name: "CProcess"),
        // A local HTTP server for tests and benchmarks (not a product).
        .target(name: "TestHTTPServer", dependencies: ["NewsKit"]),
        // Locates ../shared for the tests that need it (not a product).
        .target(name: "TestSupport", dependencies: ["CProcess"]),
        // The HTML module's own tests (html5lib suites, the DOM and selectors): HTML alone.
        .testTarget(name: "NewsKitHTMLTests", dependencies: ["NewsKitHTML", "TestSupport"]),
        .testTarget(name: "NewsKitTests", dependencies: ["NewsKit", "NewsKitHTML", "NewsKitCore", "NewsKitFetching", "NewsKitSQLite", "NewsKitPostgres", "TestHTTPServer", "TestSupport"]),
        .testTarget(name: "NewsKitAdaptersTests", dependencies: ["NewsKit", "NewsKitHTML", "NewsKitCore", "NewsKitFetching", "NewsKitSQLite", "NewsKitAdapters"], exclude: ["Fixtures"]),
        // Runs the built newskit-demo end to end (the dependency makes `swift test` build it).
        .testTarget(name: "DemoTests", dependencies: ["newskit-demo", "SavedPagesExample", "HTMLStatsExample", "HTMLParseExample", "CustomAdapterExample", "TourExample", "NewsKit", "NewsKitAdapters", "TestHTTPServer", "TestSupport"]),
        // Benchmarks (release build): `scripts/bench-fetch.sh`, `scripts/bench-pipeline.sh`.
        .executableTarget(name: "newskit-bench", dependencies: ["NewsKit", "NewsKitAdapters", "TestHTTPServer"]),
        // Trains the entity tagger on KLUE-NER and cross-validates it: `scripts/train-ner.sh`.
        .executableTarget(name: "newskit-train", dependencies: ["NewsKitCore"]),
        // Examples build with the package, so they cannot rot.
        .executableTarget(name: "CustomAdapterExample", dependencies: ["NewsKit", "NewsKitAdapters"], path: "Examples/CustomAdapter"),
        // The README's tour, as written there (a test holds the two equal); run from the project root.
        .executableTarget(name: "TourExample", dependencies: ["NewsKit", "NewsKitAdapters"], path: "Examples/Tour"),
        // Parsing alone, for the parse benchmark (links neither libcurl nor SQLite).
        .executableTarget(name: "HTMLStatsExample", dependencies: ["NewsKitCore"], path: "Examples/HTMLStats"),
        // The HTML module alone (no Foundation), for the parse benchmark and as its smallest user.
        .executableTarget(name: "HTMLParseExample", dependencies: ["NewsKitHTML"], path: "Examples/HTMLParse"),
        // Saved pages through the core and the adapters alone: links neither libcurl nor SQLite.
        .executableTarget(name: "SavedPagesExample", dependencies: ["NewsKitCore", "NewsKitAdapters"], path: "Examples/SavedPages"),
    ],
    swiftLanguageModes: [.v6]
)
