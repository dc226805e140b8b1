using LinkService.Ledger.Tests.Support;

namespace LinkService.Ledger.Tests.Sql;

/// <summary>The ledger contract on SQLite, the single-server ledger: a file in the work folder.</summary>
public sealed class SqliteLedgerContractTests : LedgerContractTests
{
    protected override Task<LedgerFixture> OpenFixtureAsync(CancellationToken cancellationToken) => Task.FromResult(LedgerFixture.Sqlite());
}
