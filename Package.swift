// swift-tools-version:6.0
// Ringside: a terminal classroom for Chord and Bayou.
// Dependency direction is one way:
//   ringside (executable) → RingsideTerminal → RingsideUI → RingsideSimulation → RingsideInvariants
//     → Chord, Bayou → RingsideKernel
import PackageDescription

let package = Package(
    name: "Ringside",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ringside", targets: ["ringside"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // MARK: Pure, deterministic core (no I/O, no wall clock)
        // Cache hints (prefetch) for the hot loops: C, because Swift has no prefetch.
        // DWARF 4: valgrind (callgrind profiles of the hot path) cannot read clang's DWARF 5.
        .target(name: "CRingsideHints", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        .target(name: "RingsideKernel", dependencies: ["CRingsideHints"]),
        .target(name: "Chord", dependencies: ["RingsideKernel"]),
        .target(name: "Bayou", dependencies: ["RingsideKernel"]),
        // The key-value store's pure node logic: versions, replicas, quorum counting.
        .target(name: "RingsideStore", dependencies: ["RingsideKernel"]),
        // Read-only checks of Chord's ring and Bayou's logs, callable after any step.
        .target(name: "RingsideInvariants", dependencies: ["RingsideKernel", "Chord", "Bayou"]),
        .target(name: "RingsideSimulation", dependencies: ["RingsideKernel", "Chord", "Bayou", "RingsideStore", "RingsideInvariants"]),

        // MARK: Front end
        .target(name: "RingsideUI", dependencies: ["RingsideSimulation"]),
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "RingsideTerminal", dependencies: ["RingsideUI", "CNcurses"]),

        // MARK: The executable
        .executableTarget(
            name: "ringside",
            dependencies: [
                "RingsideSimulation", "RingsideUI", "RingsideTerminal", "Bayou",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests, one target per concern
        .testTarget(name: "RingsideKernelTests", dependencies: ["RingsideKernel"]),
        .testTarget(name: "ChordTests", dependencies: ["Chord", "RingsideKernel"]),
        .testTarget(name: "BayouTests", dependencies: ["Bayou", "RingsideKernel", "RingsideInvariants"]),
        .testTarget(
            name: "RingsideInvariantsTests",
            dependencies: ["RingsideInvariants", "RingsideSimulation", "Chord", "Bayou", "RingsideKernel"]
        ),
        .testTarget(
            name: "RingsideSimulationTests",
            dependencies: ["RingsideSimulation", "RingsideUI", "Chord", "Bayou", "RingsideStore", "RingsideKernel"]
        ),
        .testTarget(name: "RingsideUITests", dependencies: ["RingsideUI", "RingsideSimulation"]),
        .testTarget(name: "RingsideTerminalTests", dependencies: ["RingsideTerminal", "RingsideUI"]),
        .testTarget(name: "RingsideEndToEndTests", dependencies: []),
    ],
    swiftLanguageModes: [.v6]
)

// MARK: libFuzzer (opt-in: needs the toolchain's libFuzzer and instruments every module)
// RINGSIDE_LIBFUZZER=1 swift build -c release -Xswiftc -sanitize=fuzzer --product RingsideFuzzer
if Context.environment["RINGSIDE_LIBFUZZER"] == "1" {
    package.products.append(.executable(name: "RingsideFuzzer", targets: ["RingsideFuzzer"]))
    package.targets.append(.executableTarget(
        name: "RingsideFuzzer",
        dependencies: ["RingsideSimulation"],
        linkerSettings: [.unsafeFlags(["-sanitize=fuzzer", "-use-ld=lld"])]
    ))
}
