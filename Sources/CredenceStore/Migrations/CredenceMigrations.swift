import FluentKit

/// Every migration, in order. One list serves SQLite and PostgreSQL alike.
public enum CredenceMigrations {
    public static let all: [any Migration] = [
        CreateCatalogTables(),
        LoadTianjin2023(),
        CreateAccountTables(),
        CreateVerificationTables(),
        CreateEditionLifecycle(),
        AddRequestListIndexes(),
        CreateRateLimits(),
        AddWebhookGiveUp(),
        AddPersonalDataErasure(),
        AddVerifiableCredentials(),
        AddVerificationBatches(),
        AddOutboxClaims(),
        AddMailOutbox(),
        AddCatalogAlerts(),
        AddHolidayCalendar(),
        AddAssignees(),
        AddFollowUpsAndRatings(),
        AddInfoChecklists(),
        AddServiceStandards(),
        AddRequestSearch(),
        AddChannelRegistry(),
        AddLinkedZones(),
        AddCredentialRevocations(),
        MergeOutboxes(),
        AddReviewsAndRechecks(),
        AddHolderPlace(),
        AddBenefitRoutes(),
        AddCatalogReview(),
        AddDemandWeekKeys(),
        ReloadSourcedData(),
    ]
}
