import CredenceCore
@testable import CredenceStore
import CredenceTestSupport
import Foundation
import Logging
import Testing

/// Issue 32's migration on a database made before it: the routes table appears holding
/// every route of the data file, the notice's own words linked to their clause.
@Suite struct BenefitRoutesMigrationTests {
    @Test(arguments: TestDatabase.available)
    func aDatabaseMadeBeforeTheRoutesGetsEveryOne(database: TestDatabase) async throws {
        try await database.withFreshStore { configuration in
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let store = try await Store.open(configuration, logger: logger, passwords: TestPasswords.hasher())
            try await AddBenefitRoutes().revert(on: store.database)
            try await AddBenefitRoutes().prepare(on: store.database)
            let routes = try await store.benefitRoutes.all()
            #expect(routes == BenefitRoutes(try BundledData.benefitRoutes()))
            #expect(routes.all.count == 17 && Set(routes.all.map(\.benefit)) == Set(Benefit.all))
            #expect(routes.all.filter { $0.url != nil }.count == 6 && routes.all.filter { $0.confidence == .none }.count == 5)
            let notice = routes.all.flatMap(\.evidence).filter { $0.source.hasPrefix("/notice#") }
            #expect(notice.map(\.source).contains("/notice#二-一") && notice.map(\.source).contains("/notice#附件1"))
            await store.close()
        }
    }
}
