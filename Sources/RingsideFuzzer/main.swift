import Glibc
import RingsideSimulation

// libFuzzer's driver, run from our own `main` (SwiftPM renames an executable's `main`, so
// libFuzzer's is not used): each input goes through the harness `ringside fuzz` uses.
// Built only when RINGSIDE_LIBFUZZER=1 (README.md, "Fuzzing").
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
let status = runFuzzerDriver(&argc, &argv) { data, size in
    let bytes = data.map { UnsafeBufferPointer(start: $0, count: size) } ?? UnsafeBufferPointer(start: nil, count: 0)
    let outcome = ScriptFuzzHarness.run(String(decoding: bytes, as: UTF8.self))
    // A broken promise is a finding like a crash: stop, and libFuzzer keeps the input.
    if !outcome.findings.isEmpty { fatalError(outcome.findings.joined(separator: "\n")) }
    return 0
}
exit(status)
