import CredenceCore
import FuzzSupport

/// The strict JSON reader every API body goes through: a value or an error with its offset.
func fuzz(_ bytes: [UInt8]) {
    do {
        _ = try StrictJSON.parse(bytes)
    } catch {
        Replay.require(error.offset >= 0 && error.offset <= bytes.count, "an error outside the input")
    }
}

@main enum Main {
    static func main() { Replay.run(fuzz) }
}
