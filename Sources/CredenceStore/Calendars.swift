import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// The holiday calendar in the database, so that an administrator's new year reaches every
/// instance: one row per year, its arrangement as JSON. Seeded from the shipped file.
public struct Calendars: Sendable {
    let database: any Database
    let now: @Sendable () -> Date

    static let table = "calendar_years"

    public func calendar() async throws -> HolidayCalendar {
        let rows = try await database.sql.select().column("document").from(Self.table).all()
        return HolidayCalendar(years: try rows.map { row in
            try JSONDecoder().decode(HolidayCalendar.Year.self, from: Data(try row.decode(column: "document", as: String.self).utf8))
        })
    }

    /// Loads (or replaces) one year's arrangement; audited.
    public func put(_ year: HolidayCalendar.Year, forYear expected: Int, by admin: Account) async throws {
        let problems = year.problems(forYear: expected)
        guard problems.isEmpty else { throw VerificationError.invalid(problems) }
        let document = String(decoding: try CanonicalJSON.data(year), as: UTF8.self)
        try await database.transaction { db in
            try await db.sql.delete(from: Self.table).where("year", .equal, SQLBind(expected)).run()
            try await db.sql.insert(into: Self.table).columns("year", "document", "updated_at")
                .values(SQLBind(expected), SQLBind(document), SQLBind(now())).run()
            try await AuditLog.append(on: db, at: now(), kind: "calendar.loaded", actor: admin.id, subject: String(expected),
                                      email: admin.email, address: nil, detail: year.notice)
        }
    }

    static func seed(on db: any Database) async throws {
        for year in try HolidayCalendar.bundled().years.values.sorted(by: { $0.year < $1.year }) {
            try await db.sql.insert(into: table).columns("year", "document", "updated_at")
                .values(SQLBind(year.year), SQLBind(String(decoding: try CanonicalJSON.data(year), as: UTF8.self)), SQLBind(Date())).run()
        }
    }
}

extension Store {
    public var calendars: Calendars { Calendars(database: database, now: clock) }
}
