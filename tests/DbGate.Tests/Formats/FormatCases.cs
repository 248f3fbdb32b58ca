using DbGate.Core.Migrations;

namespace DbGate.Tests.Formats;

/// <summary>Every file-based format's fixture and what it holds, for the contract every format is held to.</summary>
public static class FormatCases
{
    public static IReadOnlyList<FormatCase> All { get; } =
    [
        new("flyway", "flyway", HistoryScope.Of("flyway_schema_history"), ForwardOnly: false,
        [
            "V1__create_books in U1__create_books.sql",
            "V1_1__add_isbn in U1_1__add_isbn.sql",
            "V1_2__add_authors in U1_2__add_authors.sql",
            "V1_10__create_loans in U1_10__create_loans.sql",
            "V2__index_titles out U2__index_titles.sql",
            "R__available_books in -",
        ]),
        new("liquibase", "liquibase", HistoryScope.Of("databasechangelog", "databasechangeloglock"), ForwardOnly: false,
        [
            "alice:create-customers in customers.sql",
            "alice:customers-email-unique in customers.sql",
            "alice:customers-display-name in customers.sql",
            "bob:create-orders in orders.sql",
            "bob:orders-placed-at-index out orders.sql",
            "bob:order-total-function in orders.sql",
            "carol:create-refunds in 010-refunds.sql",
            "carol:drop-legacy-view in -",
        ]),
        new("sqitch", "sqitch", HistoryScope.OfSchema("sqitch"), ForwardOnly: false,
        [
            "appschema in appschema.sql",
            "users in users.sql",
            "flips in flips.sql",
            "users_email in users_email.sql",
        ]),
        new("dbmate", "dbmate", HistoryScope.Of("schema_migrations"), ForwardOnly: false,
        [
            "20240105101500_create_authors in 20240105101500_create_authors.sql",
            "20240106090000_index_author_names out 20240106090000_index_author_names.sql",
            "20240107120000_add_author_bio in 20240107120000_add_author_bio.sql",
            "20240108080000_seed_authors in -",
        ]),
        new("grate", "grate", HistoryScope.OfSchema("grate"), ForwardOnly: true,
        [
            "up/0001_create_products.sql out -",
            "up/0002_add_discontinued.sql out -",
            "functions/price_in_euros.sql out -",
            "views/catalogue.sql out -",
            "sprocs/discontinue_product.sql out -",
            "permissions/grant_catalogue.sql out -",
        ]),
        new("dbup", "dbup", HistoryScope.Of("schemaversions"), ForwardOnly: true,
        [
            "Scripts/Script0001 - Create customers.sql out -",
            "Scripts/Script0002 - Index customer email.sql out -",
            "Scripts/Script0003 - Add customer names.sql in -",
        ]),
        new("prisma", "prisma", HistoryScope.Of("_prisma_migrations"), ForwardOnly: true,
        [
            "20240110120000_init in -",
            "20240111090000_add_posts in -",
            "20240112070000_index_posts_concurrently out -",
            "20240113080000_index_post_titles in -",
        ]),
        new("plain", "plain", HistoryScope.None, ForwardOnly: true,
        [
            "1_schema out -",
            "2_kinds in -",
            "10_indexes out -",
            "11_report_view out -",
        ]),
        new("golang-migrate", "../../samples/shop/migrations", HistoryScope.Of("schema_migrations"), ForwardOnly: false, []),
        new("diesel", "../../samples/shop-broken/migrations", HistoryScope.Of("__diesel_schema_migrations"), ForwardOnly: false, []),
    ];
}
