using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LinkService.Ledger.Tests.Sqlite;

/// <summary>What only a ledger in a file can suffer: the file deleted, or replaced by an older copy. The rest is <see cref="Sql.LedgerContractTests"/>.</summary>
public sealed class SqliteLedgerTests : IDisposable
{
    private readonly LedgerFixture _fixture = LedgerFixture.Sqlite();

    private string DatabaseFile => ((SqliteTestDatabase)_fixture.Database).File;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task VerifyAuditChainAsync_LedgerDeleted_ReportsAnEmptyLedgerBesideItsAnchor()
    {
        await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(DatabaseFile)!, "ledger.db*"))
        {
            File.Delete(file);
        }

        var verification = await _fixture.Open().VerifyAuditChainAsync(CancellationToken.None);

        Assert.False(verification.IsIntact);
        Assert.Equal("the ledger has no audit rows but its anchor file records row #2 (the ledger was deleted or replaced)", verification.Problem);
    }

    [Fact]
    public async Task VerifyAuditChainAsync_LedgerReplacedByAnOlderCopyThenWrittenOn_ReportsTheAnchoredRow()
    {
        await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        SqliteConnection.ClearAllPools();
        var copy = DatabaseFile + ".copy";
        File.Copy(DatabaseFile, copy);
        await _fixture.StoredDeliveryAsync("justice", new string('b', 64));
        SqliteConnection.ClearAllPools();
        File.Copy(copy, DatabaseFile, overwrite: true);
        var reopened = _fixture.Open();
        await reopened.RecordReceivedAsync(new NewDelivery("justice", "offenders_3.csv", 10, _fixture.Time.GetUtcNow()), CancellationToken.None);
        await reopened.RecordReceivedAsync(new NewDelivery("justice", "offenders_4.csv", 10, _fixture.Time.GetUtcNow()), CancellationToken.None);

        var verification = await reopened.VerifyAuditChainAsync(CancellationToken.None);

        Assert.Equal("row #4 is not the row its anchor file recorded (the ledger was replaced or rewritten)", verification.Problem);
    }
}
