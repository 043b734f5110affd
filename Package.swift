// swift-tools-version:6.1
import PackageDescription

// Built and tested on Linux only (Debian/Ubuntu: the system ICU, SQLite and libxml2); no Apple
// platform is declared because none is tested.
let package = Package(
    name: "Tarjuman",
    products: [
        .executable(name: "tarjuman", targets: ["tarjuman"]),
        .library(name: "TarjumanCore", targets: ["TarjumanCore"]),
        .library(name: "TarjumanFuzzChecks", targets: ["TarjumanFuzzChecks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]
        ),
        .target(name: "CTextDecoding"),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(
            name: "CXML",
            dependencies: ["CLibXML2"]
        ),
        .target(
            name: "TarjumanCore",
            dependencies: ["CICU", "CTextDecoding", "CXML", .product(name: "GRDB", package: "GRDB.swift"), "ZIPFoundation",
                           .product(name: "HummingbirdBcrypt", package: "hummingbird-auth")]
        ),
        .target(
            name: "TarjumanEvaluation",
            dependencies: ["TarjumanCore", .product(name: "GRDB", package: "GRDB.swift"), "ZIPFoundation"]
        ),
        .target(
            name: "TarjumanFuzzChecks",
            dependencies: ["TarjumanCore"]
        ),
        .executableTarget(name: "embed-assets"),
        .plugin(name: "EmbedAssets", capability: .buildTool(), dependencies: ["embed-assets"]),
        .target(
            name: "TarjumanServer",
            dependencies: [
                "TarjumanCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            exclude: ["Assets"],
            plugins: ["EmbedAssets"]
        ),
        .executableTarget(
            name: "tarjuman",
            dependencies: [
                "TarjumanCore", "TarjumanServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "tarjuman-eval",
            dependencies: ["TarjumanCore", "TarjumanEvaluation", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "TarjumanCoreTests",
            dependencies: ["TarjumanCore", "TarjumanEvaluation", "TarjumanFuzzChecks", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "TarjumanServerTests",
            dependencies: ["TarjumanServer", "TarjumanCore"]
        ),
        .testTarget(
            name: "TarjumanCLITests",
            dependencies: ["tarjuman", "TarjumanEvaluation"]
        ),
    ]
)
