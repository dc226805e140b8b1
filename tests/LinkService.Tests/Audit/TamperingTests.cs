using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LinkService.Ledger;
using LinkService.Ledger.Deliveries;
using LinkService.Tests.Support;
using Microsoft.Data.Sqlite;
using LinkService.Deliveries.Store;

namespace LinkService.Tests.Audit;

/// <summary>
/// An operator who can write the work folder alters the ledger or the store; <c>status</c> says so with exit 1,
/// and a start logs it at Critical level (Serilog's FTL), for the alerting that watches the log.
/// </summary>
public sealed class TamperingTests : IDisposable
{
    private readonly ServiceFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ForgedRow_WithARecomputedUnkeyedHash_IsReportedByStatusAndAtStart()
    {
        await DeliveredSiteAsync();
        // The head row: with no row after it to break, an unkeyed chain took the forgery as intact.
        var row = ReadRow(8);
        var detail = row.Detail.Replace("Accepted", "Rejected", StringComparison.Ordinal);
        var hash = UnkeyedHash(row with { Detail = detail });
        Sql($"DROP TRIGGER audit_no_update; UPDATE audit SET detail = '{detail}', mac = '{hash}' WHERE seq = 8;");

        await AssertReportedAsync("Audit chain: BROKEN, at row #8: its MAC is not one LinkService wrote");
    }

    [Fact]
    public async Task CutTail_IsReportedByStatusAndAtStart()
    {
        await DeliveredSiteAsync();
        Sql("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq > 4; DELETE FROM deliveries WHERE source = 'welfare';");

        await AssertReportedAsync("the ledger ends at row #4 but its anchor file records row #8 (rows were cut from its end)");
    }

    [Fact]
    public async Task DeletedLedger_IsReportedByStatusAndAtStart()
    {
        await DeliveredSiteAsync();
        DeleteLedger();

        await AssertReportedAsync("the ledger has no audit rows but its anchor file records row #8 (the ledger was deleted or replaced)");
    }

    [Fact]
    public async Task DeletedLedgerAndAnchor_BesideAFullStore_IsReportedByStatusAndAtStart()
    {
        await DeliveredSiteAsync();
        DeleteLedger();
        File.Delete(_folder.Paths.AuditAnchorFile);

        await AssertReportedAsync("the ledger has no audit rows but the store holds 2 files (the ledger was deleted or replaced)");
    }

    [Fact]
    public async Task EditedStoredPath_IsReportedByStatusAndAtStart_AndNoRunReadsWhereItPoints()
    {
        // A copy's path follows from its source, id and original name; pointing any of them elsewhere is caught.
        var (justice, _) = await DeliveredSiteAsync();
        Sql($"UPDATE deliveries SET original_name = 'offenders_1.csv.gz' WHERE id = '{justice.Id}';");

        await AssertReportedAsync($"delivery {justice.Id}: its original name is not the one the audit chain recorded");
        var link = await Support.Cli.RunAsync("link", "--project", "reoffending-benefits", "--config", _folder.ConfigDirectory);
        link.AssertExitCode(1);
        Assert.Contains("the ledger fails its check", link.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditedStoreCopy_IsReportedByStatusAndAtStart_AndFailsTheRun()
    {
        var (justice, _) = await DeliveredSiteAsync();
        await File.AppendAllTextAsync(StoreFile(justice), "OFF99999999,FORGED\n", TestContext.Current.CancellationToken);

        await AssertReportedAsync($"Store: ALTERED, the stored copy of delivery {justice.Id} (source 'justice') does not have the size recorded");
        var link = await Support.Cli.RunAsync("link", "--project", "reoffending-benefits", "--config", _folder.ConfigDirectory);
        link.AssertExitCode(1);
        Assert.Contains($"the stored copy of delivery {justice.Id} (source 'justice') does not have the size recorded when it was taken", link.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreCopyEditedInPlace_KeepingItsSize_FailsTheRunOnItsDigest()
    {
        var (justice, _) = await DeliveredSiteAsync();
        var bytes = await File.ReadAllBytesAsync(StoreFile(justice), TestContext.Current.CancellationToken);
        bytes[^2] ^= 1;
        await File.WriteAllBytesAsync(StoreFile(justice), bytes, TestContext.Current.CancellationToken);

        var link = await Support.Cli.RunAsync("link", "--project", "reoffending-benefits", "--config", _folder.ConfigDirectory);

        link.AssertExitCode(1);
        Assert.Contains("does not match the SHA-256 recorded when it was taken: it was altered in the store", link.Error, StringComparison.Ordinal);
        using var opened = new OpenedLedger(_folder);
        var run = Assert.Single(await opened.Ledger.GetRecentRunsAsync(null, 10, CancellationToken.None));
        Assert.Contains("altered in the store", run.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetAsideFileDeleted_FailsTheRunRatherThanLinkingTheRowValidationRejected()
    {
        Delivery justice;
        using (var opened = new OpenedLedger(_folder))
        {
            justice = await AcceptedAsync(opened.Ledger, "justice", "offenders_1.csv", "offender_id,surname\nOFF00000001,SMITH\nOFF00000002,JONES\n", setAsideRows: 1);
            await AcceptedAsync(opened.Ledger, "welfare", "claims_1.csv", "claim_ref|last_name\nC1|SMITH\n");
        }

        var link = await Support.Cli.RunAsync("link", "--project", "reoffending-benefits", "--config", _folder.ConfigDirectory);

        link.AssertExitCode(1);
        Assert.Contains($"the set-aside rows of delivery {justice.Id} (source 'justice') number 0, but 1 were set aside when it was checked", link.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UntouchedSite_IsIntactInStatus()
    {
        await DeliveredSiteAsync();

        var status = await Support.Cli.RunAsync("status", "--config", _folder.ConfigDirectory);

        status.AssertExitCode(0);
        Assert.Contains("Audit chain: intact (8 rows)", status.Output, StringComparison.Ordinal);
        Assert.Contains("Store: intact (2 stored copies match their digests)", status.Output, StringComparison.Ordinal);
    }

    private async Task AssertReportedAsync(string problem)
    {
        var status = await Support.Cli.RunAsync("status", "--config", _folder.ConfigDirectory);
        status.AssertExitCode(1);
        Assert.Contains(problem, status.Output, StringComparison.Ordinal);

        var logged = problem.Replace("Audit chain: BROKEN, ", "", StringComparison.Ordinal).Replace("Store: ALTERED, ", "", StringComparison.Ordinal);
        bool IsLoggedCritical() => _folder.AllLogText().Split('\n').Any(line => line.Contains("[FTL]", StringComparison.Ordinal) && line.Contains(logged, StringComparison.Ordinal));
        using var stop = new CancellationTokenSource();
        var run = Support.Cli.RunAsync(stop.Token, "run", "--config", _folder.ConfigDirectory);
        await Eventually.TrueAsync(() => IsLoggedCritical() || run.IsCompleted, TimeSpan.FromSeconds(60), "the start reports it at Critical level");
        await stop.CancelAsync();
        (await run.WaitAsync(TimeSpan.FromSeconds(60))).AssertExitCode(0);
        Assert.True(IsLoggedCritical(), _folder.AllLogText());
    }

    /// <summary>Two accepted deliveries, one per source, with their copies in the store: eight audit rows.</summary>
    private async Task<(Delivery Justice, Delivery Welfare)> DeliveredSiteAsync()
    {
        using var opened = new OpenedLedger(_folder);
        var justice = await AcceptedAsync(opened.Ledger, "justice", "offenders_1.csv", "offender_id,surname\nOFF00000001,SMITH\n");
        var welfare = await AcceptedAsync(opened.Ledger, "welfare", "claims_1.csv", "claim_ref|last_name\nC1|SMITH\n");
        return (justice, welfare);
    }

    private async Task<Delivery> AcceptedAsync(ILedger ledger, string source, string name, string content, long? setAsideRows = null)
    {
        var none = CancellationToken.None;
        var received = await ledger.RecordReceivedAsync(new NewDelivery(source, name, content.Length, DateTimeOffset.UnixEpoch), none);
        var file = StoreFile(received);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, content);
        await ledger.MarkStoredAsync(received.Id, new StoredFile(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content))), content.Length), none);
        await ledger.RecordOutcomeAsync(received.Id, new DeliveryOutcome { State = DeliveryState.Accepted, SetAsideRows = setAsideRows }, none);
        return await ledger.MarkSettledAsync(received.Id, none);
    }

    private string StoreFile(Delivery delivery) => StoreFiles.Delivery(_folder.Paths, delivery.Source, delivery.Id, delivery.OriginalName);

    private void DeleteLedger()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(_folder.Paths.WorkRoot, "ledger.db*"))
        {
            File.Delete(file);
        }
    }

    private AuditRow ReadRow(long sequence)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, at, entity, entity_id, action, detail, prev_mac FROM audit WHERE seq = $seq;";
        command.Parameters.AddWithValue("$seq", sequence);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new AuditRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6));
    }

    /// <summary>The chain's rule before it was keyed: what anyone holding the database file can recompute.</summary>
    private static string UnkeyedHash(AuditRow row)
    {
        var fields = new[] { row.Sequence.ToString(CultureInfo.InvariantCulture), row.At, row.Entity, row.EntityId, row.Action, row.Detail, row.PreviousMac };
        var text = string.Concat(fields.Select(f => $"{f.Length}:{f}\n"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private void Sql(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={_folder.Paths.LedgerFile};Pooling=False");
        connection.Open();
        return connection;
    }

    private sealed record AuditRow(long Sequence, string At, string Entity, string EntityId, string Action, string Detail, string PreviousMac);
}
