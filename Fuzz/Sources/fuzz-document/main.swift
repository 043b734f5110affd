import Foundation
import FuzzDriver
import TarjumanFuzzChecks

/// libFuzzer's test: `FuzzChecks.document` on the input; a problem stops the run with its input kept.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTest(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let problems = FuzzChecks.document(Data(bytes: start, count: count))
    if !problems.isEmpty { fatalError(problems.joined(separator: "\n")) }
    return 0
}

@_cdecl("fuzz_document_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { start, count in fuzzTest(start, count) }
}
