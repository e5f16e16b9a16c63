import FluentKit

/// `demand_week_keys`: the key each week's search-demand tags are made with (base64 of 32
/// random bytes). Only the current week's row exists: an earlier week's is deleted when the
/// next begins, and with it any way back from that week's tags (`WeekTagKey`).
final class DemandWeekKeyRecord: Model, @unchecked Sendable {
    static let schema = "demand_week_keys"

    /// The week's Monday, `YYYY-MM-DD` (China time).
    @ID(custom: "week", generatedBy: .user) var id: String?
    @Field(key: "key") var key: String

    init() {}
}
