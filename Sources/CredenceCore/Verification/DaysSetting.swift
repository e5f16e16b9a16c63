import Foundation

/// A number of days an operator sets in the environment (retention, reviews, public checks):
/// the default when unset, refused naming the variable when not a whole number in range.
enum DaysSetting {
    static func read(_ name: String, in range: ClosedRange<Int>, default value: Int, _ environment: [String: String]) throws(InvalidInput) -> Int {
        guard let text = environment[name] else { return value }
        guard let days = Int(text), range.contains(days) else {
            throw InvalidInput(problems: [InputError(name, zh: "\(name) 须为\(range.lowerBound)至\(range.upperBound)的整数（天）。",
                                                     en: "\(name) must be a whole number of days from \(range.lowerBound) to \(range.upperBound); got \"\(text)\".")])
        }
        return days
    }
}
