using LinkService.Ledger.Deliveries;
using Microsoft.Data.Sqlite;

namespace LinkService.Ledger.Tests.Sqlite;

public sealed partial class SqliteLedgerTests
{
    [Fact]
    public async Task VerifyAuditChainAsync_Untouched_IsIntact()
    {
        await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        await _fixture.StoredDeliveryAsync("welfare", new string('b', 64));

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);

        Assert.True(verification.IsIntact);
        Assert.Equal(4, verification.RowsChecked);
    }

    [Fact]
    public async Task VerifyAuditChainAsync_RowEditedBehindTriggers_ReportsThatRow()
    {
        await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        await _fixture.StoredDeliveryAsync("justice", new string('b', 64));
        Tamper("DROP TRIGGER audit_no_update; UPDATE audit SET detail = replace(detail, 'bbbb', 'cccc') WHERE seq = 4;");

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);

        Assert.False(verification.IsIntact);
        Assert.Equal(4, verification.FirstTamperedSequence);
    }

    [Fact]
    public async Task VerifyAuditChainAsync_RowEditedAndRehashed_ReportsTheBrokenLinkInTheNextRow()
    {
        await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        var first = (await _fixture.Ledger.GetHistoryAsync((await _fixture.Ledger.GetUnsettledDeliveriesAsync(CancellationToken.None))[0].Id, CancellationToken.None))[0];
        var forgedDetail = first.Detail.Replace("offenders_1.csv", "offenders_2.csv", StringComparison.Ordinal);
        var at = first.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var forgedHash = Audit.AuditChain.HashOf(1, at, first.Entity, first.EntityId, first.Action, forgedDetail, first.PreviousHash);
        Tamper($"DROP TRIGGER audit_no_update; UPDATE audit SET detail = '{forgedDetail}', hash = '{forgedHash}' WHERE seq = 1;");

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);

        Assert.Equal(2, verification.FirstTamperedSequence);
        Assert.Equal(1, verification.RowsChecked);
    }

    [Fact]
    public async Task VerifyAuditChainAsync_RowDeleted_ReportsTheGap()
    {
        await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        await _fixture.StoredDeliveryAsync("justice", new string('b', 64));
        Tamper("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 2;");

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);

        Assert.False(verification.IsIntact);
        Assert.Equal(3, verification.FirstTamperedSequence);
    }

    [Fact]
    public async Task AuditTable_UpdateOrDelete_IsRefusedByTheDatabase()
    {
        await _fixture.StoredDeliveryAsync("justice", new string('a', 64));

        Assert.Throws<SqliteException>(() => Tamper("UPDATE audit SET detail = '{}' WHERE seq = 1;"));
        Assert.Throws<SqliteException>(() => Tamper("DELETE FROM audit;"));
    }

    [Fact]
    public async Task RecordReceivedAsync_ConcurrentWriters_ChainStaysIntact()
    {
        var second = _fixture.Open();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            (i % 2 == 0 ? _fixture.Ledger : second).RecordReceivedAsync(new NewDelivery("justice", $"offenders_{i}.csv", i, _fixture.Time.GetUtcNow()), CancellationToken.None)));

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(40, verification.RowsChecked);
    }

    [Fact]
    public async Task GetAuditHeadAsync_EmptyThenAfterWrites_IsNullThenTheLastRow()
    {
        Assert.Null(await _fixture.Ledger.GetAuditHeadAsync(CancellationToken.None));
        var stored = await _fixture.StoredDeliveryAsync("justice", new string('a', 64));

        var head = await _fixture.Ledger.GetAuditHeadAsync(CancellationToken.None);

        Assert.Equal((2L, stored.Id, "stored"), (head!.Sequence, head.EntityId, head.Action));
        Assert.Equal(head, (await _fixture.Ledger.GetHistoryAsync(stored.Id, CancellationToken.None))[^1]);
    }

    private void Tamper(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_fixture.DatabaseFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
