import Foundation
import TarjumanFuzzChecks

/// libFuzzer's test: `FuzzChecks.text` on the input; a problem stops the run with its input kept.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTest(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let problems = FuzzChecks.text(Data(bytes: start, count: count))
    if !problems.isEmpty { fatalError(problems.joined(separator: "\n")) }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzer(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ test: @convention(c) (UnsafeRawPointer, Int) -> CInt) -> CInt

/// The entry point SwiftPM gives this executable: libFuzzer's driver, with the test above.
@_cdecl("fuzz_text_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzer(&count, &arguments) { start, count in fuzzTest(start, count) }
}
