// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NewsKit",
    products: [
        .library(name: "NewsKit", targets: ["NewsKit"]),
        .library(name: "NewsKitAdapters", targets: ["NewsKitAdapters"]),
        .executable(name: "newskit-demo", targets: ["newskit-demo"]),
    ],
    dependencies: [],
    targets: [
        // The built-in gazetteer ships as a JSON resource users can read and extend.
        .target(name: "NewsKit", dependencies: ["CCurl", "CZlib", "CSQLite"], resources: [.copy("Enrichment/gazetteer.json")]),
        // C shims for the system libraries (Debian: libcurl4-openssl-dev, zlib1g-dev, libsqlite3-dev).
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("curl")]),
        .target(name: "CZlib", linkerSettings: [.linkedLibrary("z")]),
        .target(name: "CSQLite", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(name: "NewsKitAdapters", dependencies: ["NewsKit"], path: "Sources/Adapters"),
        .executableTarget(name: "newskit-demo", dependencies: ["NewsKit", "NewsKitAdapters", "CProcess"]),
        // The demo's crash-isolated workers die with their supervisor (prctl is variadic).
        .target(name: "CProcess"),
        // A local HTTP server for tests and benchmarks (not a product).
        .target(name: "TestHTTPServer", dependencies: ["NewsKit"]),
        .testTarget(name: "NewsKitTests", dependencies: ["NewsKit", "TestHTTPServer"]),
        .testTarget(name: "NewsKitAdaptersTests", dependencies: ["NewsKit", "NewsKitAdapters"], exclude: ["Fixtures"]),
        // Runs the built newskit-demo end to end (the dependency makes `swift test` build it).
        .testTarget(name: "DemoTests", dependencies: ["newskit-demo", "TestHTTPServer"]),
        // Benchmarks (release build): `scripts/bench-fetch.sh`, `scripts/bench-pipeline.sh`.
        .executableTarget(name: "newskit-bench", dependencies: ["NewsKit", "NewsKitAdapters", "TestHTTPServer"]),
        // Examples build with the package, so they cannot rot.
        .executableTarget(name: "CustomAdapterExample", dependencies: ["NewsKit", "NewsKitAdapters"], path: "Examples/CustomAdapter"),
    ],
    swiftLanguageModes: [.v6]
)
