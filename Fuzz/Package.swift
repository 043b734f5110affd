// swift-tools-version:6.0
// Fuzz targets for Tarjuman's readers, built with libFuzzer: see Scripts/fuzz.sh.
import PackageDescription

let package = Package(
    name: "TarjumanFuzz",
    dependencies: [
        .package(name: "Tarjuman", path: ".."),
    ],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "fuzz-delimited", dependencies: ["FuzzDriver", .product(name: "TarjumanFuzzChecks", package: "Tarjuman")]),
        .executableTarget(name: "fuzz-xml", dependencies: ["FuzzDriver", .product(name: "TarjumanFuzzChecks", package: "Tarjuman")]),
        .executableTarget(name: "fuzz-text", dependencies: ["FuzzDriver", .product(name: "TarjumanFuzzChecks", package: "Tarjuman")]),
        .executableTarget(name: "fuzz-document", dependencies: ["FuzzDriver", .product(name: "TarjumanFuzzChecks", package: "Tarjuman")]),
    ]
)
