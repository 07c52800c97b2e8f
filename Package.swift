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
        .target(name: "NewsKit"),
        .target(name: "NewsKitAdapters", dependencies: ["NewsKit"], path: "Sources/Adapters"),
        .executableTarget(name: "newskit-demo", dependencies: ["NewsKit", "NewsKitAdapters"]),
        .testTarget(name: "NewsKitTests", dependencies: ["NewsKit"]),
        .testTarget(name: "NewsKitAdaptersTests", dependencies: ["NewsKit", "NewsKitAdapters"], exclude: ["Fixtures"]),
        // Runs the built newskit-demo end to end (the dependency makes `swift test` build it).
        .testTarget(name: "DemoTests", dependencies: ["newskit-demo"]),
        // Examples build with the package, so they cannot rot.
        .executableTarget(name: "CustomAdapterExample", dependencies: ["NewsKit", "NewsKitAdapters"], path: "Examples/CustomAdapter"),
    ],
    swiftLanguageModes: [.v6]
)
