// swift-tools-version:6.0
import PackageDescription

/// Settings every Swift target shares. C modules are always imported with `internal import`, so
/// their types cannot reach a public API.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Screenwright",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vid2auto", targets: ["vid2auto"]),
        .executable(name: "mockup2code", targets: ["mockup2code"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // C libraries: each imported by exactly one Swift target.
        .systemLibrary(name: "CFFmpeg", pkgConfig: "libavformat",
                       providers: [.apt(["libavformat-dev", "libavcodec-dev", "libavutil-dev", "libswscale-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CTesseract", pkgConfig: "tesseract",
                       providers: [.apt(["libtesseract-dev", "libleptonica-dev", "tesseract-ocr-eng"])]),

        // Pure Swift core: images, geometry, diagnostics, the stage-boundary models.
        .target(name: "ScreenCore", swiftSettings: strict),
        // The only importer of CFFmpeg and CPNG.
        .target(name: "Media", dependencies: ["ScreenCore", "CFFmpeg", "CPNG"], swiftSettings: strict),
        // An engine's start without the legacy engine's ambiguity table (C: it takes the place of one
        // exported Tesseract function, so the executable exports that one symbol; see its .c file).
        .target(name: "CTesseractStart", dependencies: ["CTesseract"],
                linkerSettings: [.linkedLibrary("dl"), .unsafeFlags(["-Xlinker",
                    "--export-dynamic-symbol=_ZN9tesseract13UnicharAmbigs13LoadUniversalERKNS_10UNICHARSETEPS1_"])]),
        // The only importer of CTesseract (and CTesseractStart).
        .target(name: "OCR", dependencies: ["ScreenCore", "CTesseract", "CTesseractStart"], swiftSettings: strict),
        // Video perception: motion, pointer, clicks, typing, the embedded model's segment analysis.
        .target(name: "Perception", dependencies: ["ScreenCore"], swiftSettings: strict),
        // Design layout: a UI design image cut into regions, text fitted, semantics guessed.
        .target(name: "DesignLayout", dependencies: ["ScreenCore"], swiftSettings: strict),
        .target(name: "Swarm", dependencies: ["ScreenCore"], swiftSettings: strict),
        // The one owner of a live browser session (WebDriver + CDP through chromedriver).
        .target(name: "Browser", dependencies: ["ScreenCore"], swiftSettings: strict),
        // Live grounding: the offline timeline replayed and corrected in the running app.
        .target(name: "Grounding", dependencies: ["ScreenCore", "Browser"],
                exclude: [], resources: [.embedInCode("PageScript.js")], swiftSettings: strict),
        // Render, compare, refine (issue 15): generated pages rendered through Browser and compared
        // with their design; also `mockup2code diff`.
        .target(name: "DesignCompare", dependencies: ["ScreenCore", "Browser", "Media", "CodeGen"],
                resources: [.embedInCode("PageProbe.js")], swiftSettings: strict),
        .target(name: "CodeGen", dependencies: ["ScreenCore", .product(name: "Mustache", package: "swift-mustache")],
                swiftSettings: strict),
        // The review report: evidence frames (one bounded decode pass) and a self-contained HTML page.
        .target(name: "Report", dependencies: ["ScreenCore", "Media", "CodeGen"], swiftSettings: strict),
        .target(name: "Vid2AutoKit", dependencies: ["ScreenCore", "Media", "OCR", "Perception", "Swarm", "CodeGen", "Browser", "Grounding", "Report"],
                swiftSettings: strict),
        .target(name: "Mockup2CodeKit", dependencies: ["ScreenCore", "Media", "OCR", "DesignLayout", "Swarm", "CodeGen", "DesignCompare"],
                swiftSettings: strict),
        .executableTarget(name: "vid2auto", dependencies: [
            "Vid2AutoKit", "Swarm", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strict),
        .executableTarget(name: "mockup2code", dependencies: [
            "Mockup2CodeKit", "Swarm", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strict),
        .target(name: "TestSupport", dependencies: ["ScreenCore"], swiftSettings: strict),

        .testTarget(name: "ScreenCoreTests", dependencies: ["ScreenCore", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "MediaTests", dependencies: ["Media", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "OCRTests", dependencies: ["OCR", "Media", "TestSupport"],
                    exclude: ["Fixtures"], swiftSettings: strict),   // (read by path from the source tree)
        .testTarget(name: "PerceptionTests", dependencies: ["Perception", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "SwarmTests", dependencies: ["Swarm", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "CodeGenTests", dependencies: ["CodeGen", "TestSupport"],
                    exclude: ["__Golden__"], swiftSettings: strict),
        .testTarget(name: "GroundingTests", dependencies: ["Grounding", "Browser", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "ReportTests", dependencies: ["Report", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "Vid2AutoKitTests", dependencies: ["Vid2AutoKit", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "Mockup2CodeKitTests", dependencies: ["Mockup2CodeKit", "DesignLayout", "TestSupport"],
                    exclude: ["__Golden__"], swiftSettings: strict),
        .testTarget(name: "DesignCompareTests", dependencies: ["DesignCompare", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "BrowserTests", dependencies: ["Browser", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"], swiftSettings: strict),
    ]
)
