import FluentKit

/// Every migration, in order — each in its own file, `NN_TypeName.swift`, numbered in the
/// order they run (ShapeTests holds this list to the files). One list serves SQLite and
/// PostgreSQL alike; a new migration is a new file with the next number, added at the end.
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
        AddEmployerListOrder(),
    ]
}
