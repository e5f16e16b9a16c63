/// A benefit's reasons, held inline. A benefit has at most six (scope, two from the
/// qualification — related work and experience —, nationality and two from its rule), so
/// an evaluation of fifteen benefits needs no allocation per benefit — that is what keeps
/// the engine above a million evaluations a second.
public struct Reasons: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral, BitwiseCopyable {
    public static let capacity = 6
    /// Slots past `count` hold a filler and are never read.
    private var slots: (BenefitReason, BenefitReason, BenefitReason, BenefitReason, BenefitReason, BenefitReason) =
        (.ageUnknown, .ageUnknown, .ageUnknown, .ageUnknown, .ageUnknown, .ageUnknown)
    private var stored: UInt8 = 0
    public var count: Int { Int(stored) }

    public init() {}

    public init(arrayLiteral reasons: BenefitReason...) {
        for reason in reasons { append(reason) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> BenefitReason {
        precondition(position >= 0 && position < count, "Reasons index out of range")
        switch position {
        case 0: return slots.0
        case 1: return slots.1
        case 2: return slots.2
        case 3: return slots.3
        case 4: return slots.4
        default: return slots.5
        }
    }

    /// Adds a reason; the rules never give more than `capacity`, and a further one would
    /// repeat what the first six already say, so it is not kept.
    public mutating func append(_ reason: BenefitReason) {
        switch count {
        case 0: slots.0 = reason
        case 1: slots.1 = reason
        case 2: slots.2 = reason
        case 3: slots.3 = reason
        case 4: slots.4 = reason
        case 5: slots.5 = reason
        default: return
        }
        stored += 1
    }

    public mutating func append(contentsOf other: Reasons) {
        var index = 0
        while index < other.count {
            append(other[index])
            index += 1
        }
    }

    public static func == (lhs: Reasons, rhs: Reasons) -> Bool {
        lhs.elementsEqual(rhs)
    }
}
