using LinkService.Ledger.Tests.Support;

namespace LinkService.Ledger.Tests.Sql;

/// <summary>The ledger contract on PostgreSQL, the cluster's ledger: each test in a new database of the assembly's server.</summary>
public sealed class PostgresLedgerContractTests(PostgresServer server) : LedgerContractTests
{
    protected override Task<LedgerFixture> OpenFixtureAsync(CancellationToken cancellationToken) => LedgerFixture.PostgresAsync(server, cancellationToken);
}
