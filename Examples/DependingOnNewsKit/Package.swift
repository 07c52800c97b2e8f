// swift-tools-version:6.0
// An application that depends on NewsKit. Outside this repository, depend on it by URL:
//   .package(url: "https://<your git host>/NewsKit.git", branch: "main")
import PackageDescription

let package = Package(
    name: "Headlines",
    dependencies: [.package(name: "NewsKit", path: "../..")],
    targets: [
        .executableTarget(name: "headlines", dependencies: [
            .product(name: "NewsKit", package: "NewsKit"),
            .product(name: "NewsKitAdapters", package: "NewsKit"),
        ]),
        // The README's tour (Sources/tour/main.swift links to Examples/Tour/main.swift), built and
        // run from a package of its own, as a reader would: `.ci/run` runs it from another folder.
        // The adapter guide's example adapter (a link to Examples/CustomAdapter/ExampleDailyAdapter.swift),
        // built as a module of its own: what it uses of NewsKit must be public, as the guide says.
        .target(name: "ExampleDailyAdapter", dependencies: [
            .product(name: "NewsKit", package: "NewsKit"),
        ]),
        .executableTarget(name: "tour", dependencies: [
            .product(name: "NewsKit", package: "NewsKit"),
            .product(name: "NewsKitAdapters", package: "NewsKit"),
        ]),
    ]
)
