using LinkService.Ledger.Deliveries;
using LinkService.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LinkService.Tests.Status;

public sealed class StatusCommandTests
{
    [Fact]
    public async Task Status_SiteWithNothingDeliveredYet_ListsEachSourceWithNothingDeliveredAndNoRuns()
    {
        using var folder = new ServiceFolder();
        using (var opened = new OpenedLedger(folder))
        {
            await opened.Ledger.GetStatusAsync(0, CancellationToken.None);
        }

        var result = await Support.Cli.RunAsync("status", "--config", folder.ConfigDirectory);

        result.AssertExitCode(0);
        Assert.Matches(@"justice\s+0\s+0\s+0\s+0\s+0", result.Output);
        Assert.Matches(@"welfare\s+0\s+0\s+0\s+0\s+0", result.Output);
        Assert.Contains("none yet", result.Output, StringComparison.Ordinal);
        Assert.Contains("Audit chain: intact", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_FilesWaitingInADropFolder_ListsEachEscapedWithWhatItWaitsFor()
    {
        using var folder = new ServiceFolder();
        using (var opened = new OpenedLedger(folder))
        {
            await opened.Ledger.GetStatusAsync(0, TestContext.Current.CancellationToken);
        }

        var since = TimeProvider.System.GetUtcNow().AddMinutes(-42);
        await File.WriteAllTextAsync(Path.Combine(folder.WorkFolder, "intake-waiting.json"), $$"""
            { "writtenAt": "{{since.AddMinutes(40):O}}", "files": [
              { "source": "justice", "name": "offenders_1.csv", "since": "{{since:O}}", "waitsFor": "its uploader to close it (it still holds it open)" },
              { "source": "justice", "name": "march/offenders_\\n2.csv", "since": "{{since:O}}", "waitsFor": "no change for 30 s after its uploader closed it, then to be refused (it is in a sub-folder)" } ] }
            """, TestContext.Current.CancellationToken);

        var result = await Support.Cli.RunAsync("status", "--config", folder.ConfigDirectory);

        result.AssertExitCode(0);
        Assert.Matches(@"justice\s+offenders_1\.csv  waiting 42 min \d+ s for its uploader to close it \(it still holds it open\)", result.Output);
        Assert.Contains(@"march/offenders_\n2.csv  waiting 42 min", result.Output, StringComparison.Ordinal);

        // The list is rewritten only when it changes: its time is not when the service last looked.
        Assert.Contains($"unchanged since {since.AddMinutes(40):yyyy-MM-dd HH:mm:ss}Z", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("as the service saw them at", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_AuditRowAlteredOutsideLinkService_ReportsTheBrokenChainWithExitOne()
    {
        using var folder = new ServiceFolder();
        string ledgerFile;
        using (var opened = new OpenedLedger(folder))
        {
            await opened.Ledger.RecordReceivedAsync(new NewDelivery("justice", "offenders_20261101.csv", 10, DateTimeOffset.UnixEpoch), CancellationToken.None);
            ledgerFile = opened.File;
        }

        using (var connection = new SqliteConnection($"Data Source={ledgerFile};Pooling=False"))
        {
            connection.Open();
            using var tamper = connection.CreateCommand();
            tamper.CommandText = "DROP TRIGGER audit_no_update; UPDATE audit SET detail = detail || ' ' WHERE seq = (SELECT max(seq) FROM audit);";
            tamper.ExecuteNonQuery();
        }

        var result = await Support.Cli.RunAsync("status", "--config", folder.ConfigDirectory);

        result.AssertExitCode(1);
        Assert.Contains("Audit chain: BROKEN, at row #", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_RunWhereThereIsNoSite_SaysSoWithExitTwoAndCreatesNothing()
    {
        using var folder = new ServiceFolder();

        var result = await Support.Cli.RunAsync("status", "--config", folder.ConfigDirectory);

        result.AssertExitCode(2);
        Assert.Contains($"There is no LinkService site here: the work folder {folder.Paths.WorkRoot} does not exist", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Combine("var")), "status created folders");
    }

    [Fact]
    public async Task Status_WorkFolderTheServiceNeverStartedIn_SaysThereIsNoLedgerAndCreatesNone()
    {
        using var folder = new ServiceFolder();
        Directory.CreateDirectory(folder.Paths.WorkRoot);

        var result = await Support.Cli.RunAsync("status", "--config", folder.ConfigDirectory);

        result.AssertExitCode(2);
        Assert.Contains("holds no ledger (ledger.db)", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Paths.WorkRoot));
    }

    [Fact]
    public async Task Status_RunUnderWay_NamesItsOwnerAndLease()
    {
        using var folder = new ServiceFolder();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        using (var opened = new OpenedLedger(folder, time))
        {
            await opened.Ledger.StartRunAsync(new Ledger.Runs.RunStart("r1", "reoffending-benefits", "runs/r1", [], Owners.Other), CancellationToken.None);
        }

        var result = await Support.Cli.RunAsync("status", "--config", folder.ConfigDirectory);

        Assert.Contains("r1  reoffending-benefits  running since 2026-11-20 12:00:00Z in process 4242 on host node-b, lease until 2026-11-20 12:01:00Z", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_RunWhoseOwnerOnThisHostIsGone_SaysSoInTextAndJson()
    {
        using var folder = new ServiceFolder();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        // A process of this host that has exited: what a `link` killed with SIGKILL leaves holding its run.
        using var exited = System.Diagnostics.Process.Start("true");
        await exited.WaitForExitAsync(CancellationToken.None);
        var gone = new Ledger.Runs.RunOwner(Environment.MachineName, exited.Id);
        var live = new Ledger.Runs.RunOwner(Environment.MachineName, Environment.ProcessId);
        using (var opened = new OpenedLedger(folder, time))
        {
            await opened.Ledger.StartRunAsync(new Ledger.Runs.RunStart("r1", "reoffending-benefits", "runs/r1", [], gone), CancellationToken.None);
            await opened.Ledger.StartRunAsync(new Ledger.Runs.RunStart("r2", "another-project", "runs/r2", [], live), CancellationToken.None);
            await opened.Ledger.StartRunAsync(new Ledger.Runs.RunStart("r3", "third-project", "runs/r3", [], gone), CancellationToken.None);
            await opened.Ledger.RecordLinkedAsync("r3", gone, new Dictionary<string, long>(), CancellationToken.None);
        }

        var text = await Support.Cli.RunAsync("status", "--config", folder.ConfigDirectory);
        var json = await Support.Cli.RunAsync("status", "--json", "--config", folder.ConfigDirectory);

        Assert.Contains($"r1  reoffending-benefits  running since 2026-11-20 12:00:00Z in {gone}, lease until 2026-11-20 12:01:00Z; that process is no longer running: the service records the run failed and, if the project is scheduled, links it again in a new run once the lease runs out (at its next start, if it is not running)", text.Output, StringComparison.Ordinal);
        Assert.Contains($"r3  third-project  running since 2026-11-20 12:00:00Z, linked in {gone}, lease until 2026-11-20 12:01:00Z; that process is no longer running: the service resumes the run from where it stopped once the lease runs out (at its next start, if it is not running)", text.Output, StringComparison.Ordinal);
        Assert.Contains($"r2  another-project  running since 2026-11-20 12:00:00Z in {live}, lease until 2026-11-20 12:01:00Z\n", text.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        var leases = document.RootElement.GetProperty("recentRuns").EnumerateArray()
            .ToDictionary(run => run.GetProperty("id").GetString()!, run => run.GetProperty("lease").GetProperty("ownerRunning").GetBoolean());
        Assert.False(leases["r1"]);
        Assert.True(leases["r2"]);
    }

    [Fact]
    public async Task Status_RunsAtEachStage_ListsHeldRunsWithTheirVerdictsAndEachRunsStage()
    {
        using var folder = new ServiceFolder();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        using (var opened = new OpenedLedger(folder, time))
        {
            var ledger = opened.Ledger;
            foreach (var (id, verdict, findings) in new[] { ("r1", "review", 3L), ("r2", "pass", 0L), ("r3", "fail", 1L) })
            {
                await ledger.StartRunAsync(new Ledger.Runs.RunStart(id, "reoffending-benefits", "runs/" + id, [], Owners.Service), CancellationToken.None);
                await ledger.RecordLinkedAsync(id, Owners.Service, new Dictionary<string, long>(), CancellationToken.None);
                await ledger.RecordAnonymisedAsync(id, Owners.Service, CancellationToken.None);
                await ledger.RecordCheckedAsync(id, Owners.Service, new Ledger.Runs.RunCheck(verdict, findings), CancellationToken.None);
                await ledger.HoldRunAsync(id, Owners.Service, CancellationToken.None);
                time.Advance(TimeSpan.FromMinutes(1));
            }

            await ledger.ApproveHeldAsync("r2", Owners.Service, "custodian-account", CancellationToken.None);
            await ledger.RecordPublishedAsync("r2", Owners.Service, CancellationToken.None);
            await ledger.RejectRunAsync("r3", "custodian-account", "cells too small", CancellationToken.None);
            await ledger.StartRunAsync(new Ledger.Runs.RunStart("r4", "reoffending-benefits", "runs/r4", [], Owners.Other), CancellationToken.None);
            await ledger.RecordLinkedAsync("r4", Owners.Other, new Dictionary<string, long>(), CancellationToken.None);
        }

        var result = await Support.Cli.RunAsync("status", "--config", folder.ConfigDirectory);

        result.AssertExitCode(0);
        Assert.Contains("Approvals waiting (approve or reject with linkservice approve|reject --project P --run R)\n  r1  reoffending-benefits  disclosure verdict review, 3 findings to review\n", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("Approvals waiting: none", result.Output, StringComparison.Ordinal);
        Assert.Contains("r1  reoffending-benefits  held for approval (started 2026-11-20 12:00:00Z): disclosure verdict review, 3 findings to review", result.Output, StringComparison.Ordinal);
        Assert.Contains("r2  reoffending-benefits  published 2026-11-20 12:03:00Z (approved by custodian-account; disclosure verdict pass, 0 findings to review)", result.Output, StringComparison.Ordinal);
        Assert.Contains("r3  reoffending-benefits  rejected by custodian-account at 2026-11-20 12:03:00Z: cells too small", result.Output, StringComparison.Ordinal);
        Assert.Contains("r4  reoffending-benefits  running since 2026-11-20 12:03:00Z, linked in process 4242 on host node-b", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_DeliveriesRefusedAndInProgress_ListsRecentDeliveriesNewestFirstWithTheirOutcomes()
    {
        using var folder = new ServiceFolder();
        await RecordTwoDeliveriesAsync(folder);

        var result = await Support.Cli.RunAsync("status", "--config", folder.ConfigDirectory);

        result.AssertExitCode(0);
        var text = result.Output.ReplaceLineEndings("\n");
        Assert.Contains(
            "Recent deliveries (most recent first)\n"
            + "  2026-11-20 12:05:00Z  welfare              claims_20261120.csv  in progress\n"
            + "  2026-11-20 12:00:00Z  justice              offenders_20261120.csv  refused: its name does not match offenders_*.csv (and 1 more)\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Json_ReportsCountsRecentDeliveriesRunsApprovalsAndChecksAsJson()
    {
        using var folder = new ServiceFolder();
        var time = await RecordTwoDeliveriesAsync(folder);
        using (var opened = new OpenedLedger(folder, time))
        {
            await opened.Ledger.StartRunAsync(new Ledger.Runs.RunStart("r1", "reoffending-benefits", "runs/r1", [], Owners.Service), CancellationToken.None);
            await opened.Ledger.RecordLinkedAsync("r1", Owners.Service, new Dictionary<string, long> { ["links"] = 7 }, CancellationToken.None);
            await opened.Ledger.RecordAnonymisedAsync("r1", Owners.Service, CancellationToken.None);
            await opened.Ledger.RecordCheckedAsync("r1", Owners.Service, new Ledger.Runs.RunCheck("review", 2), CancellationToken.None);
            await opened.Ledger.HoldRunAsync("r1", Owners.Service, CancellationToken.None);
        }

        var result = await Support.Cli.RunAsync("status", "--json", "--config", folder.ConfigDirectory);

        result.AssertExitCode(0);
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("intact").GetBoolean());
        Assert.True(root.GetProperty("auditChain").GetProperty("intact").GetBoolean());
        var justice = root.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("source").GetString() == "justice");
        Assert.Equal(1, justice.GetProperty("refused").GetInt64());
        var recent = root.GetProperty("recentDeliveries").EnumerateArray().ToList();
        Assert.Equal(["welfare", "justice"], recent.Select(d => d.GetProperty("source").GetString()));
        Assert.Equal(["in progress", "refused"], recent.Select(d => d.GetProperty("outcome").GetString()));
        Assert.Equal(2, recent[1].GetProperty("reasons").GetArrayLength());
        var run = root.GetProperty("recentRuns").EnumerateArray().Single();
        Assert.Equal(("held", "checked", 7L), (run.GetProperty("state").GetString(), run.GetProperty("stage").GetString(), run.GetProperty("counts").GetProperty("links").GetInt64()));
        var waiting = root.GetProperty("approvalsWaiting").EnumerateArray().Single();
        Assert.Equal(("r1", "review", 2L), (waiting.GetProperty("id").GetString(), waiting.GetProperty("check").GetProperty("verdict").GetString(), waiting.GetProperty("check").GetProperty("findings").GetInt64()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("waiting").ValueKind);
    }

    [Fact]
    public async Task Status_ProjectLinkedOnUnchangedInputsAndADeliveryHeld_ShowsCurrentAndHeldDeliveriesNextFireAndWhyNotDue()
    {
        using var folder = new ServiceFolder();
        folder.EditConfigJson(Path.Combine("projects", "reoffending-benefits.json"), project => project["timeZone"] = "Europe/London");
        string held;
        using (var opened = new OpenedLedger(folder))
        {
            var justice = await AcceptedDeliveries.RecordAsync(opened.Ledger, folder.Paths, "justice", "justice_id\n1\n", CancellationToken.None);
            var welfare = await AcceptedDeliveries.RecordAsync(opened.Ledger, folder.Paths, "welfare", "welfare_id\n1\n", CancellationToken.None);
            await opened.Ledger.StartRunAsync(new Ledger.Runs.RunStart("r1", "reoffending-benefits", "runs/r1", [justice.Id, welfare.Id], Owners.Service), CancellationToken.None);
            await opened.Ledger.CompleteRunAsync("r1", new Dictionary<string, long>(), CancellationToken.None);
            var received = await opened.Ledger.RecordReceivedAsync(new NewDelivery("justice", "offenders_2.csv", 10, DateTimeOffset.UnixEpoch), CancellationToken.None);
            await opened.Ledger.MarkStoredAsync(received.Id, new StoredFile(new string('0', 64), 10), CancellationToken.None);
            await opened.Ledger.RecordOutcomeAsync(received.Id, new DeliveryOutcome { State = DeliveryState.Held, Reasons = ["1 rows accepted, against 1,000"], AcceptedRows = 1 }, CancellationToken.None);
            held = received.Id;
        }

        var text = await Support.Cli.RunAsync("status", "--config", folder.ConfigDirectory);
        var json = await Support.Cli.RunAsync("status", "--json", "--config", folder.ConfigDirectory);

        Assert.Contains("Deliveries held for the custodian", text.Output, StringComparison.Ordinal);
        Assert.Contains(held, text.Output, StringComparison.Ordinal);
        Assert.Matches(@"Project reoffending-benefits: next fire \d{4}-\d\d-\d\d 02:00:00 \+0[01]:00 \(Europe/London\); not due: no source has a new accepted delivery since run r1", text.Output);
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        var project = document.RootElement.GetProperty("projects").EnumerateArray().Single();
        Assert.False(project.GetProperty("due").GetBoolean());
        Assert.Equal("r1", project.GetProperty("lastRuns")[0].GetProperty("id").GetString());
        Assert.Equal("Europe/London", project.GetProperty("timeZone").GetString());
        var justiceState = document.RootElement.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "justice");
        Assert.Equal("justice.csv", justiceState.GetProperty("currentDelivery").GetProperty("file").GetString());
        Assert.Equal(held, justiceState.GetProperty("held")[0].GetProperty("id").GetString());
        Assert.Equal(1, document.RootElement.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("source").GetString() == "justice").GetProperty("held").GetInt64());
    }

    private static async Task<Microsoft.Extensions.Time.Testing.FakeTimeProvider> RecordTwoDeliveriesAsync(ServiceFolder folder)
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        using var opened = new OpenedLedger(folder, time);
        var refused = await opened.Ledger.RecordReceivedAsync(new NewDelivery("justice", "offenders_20261120.csv", 10, DateTimeOffset.UnixEpoch), CancellationToken.None);
        await opened.Ledger.RecordOutcomeAsync(
            refused.Id,
            new DeliveryOutcome { State = DeliveryState.Refused, Reasons = ["its name does not match offenders_*.csv", "it is empty"] },
            CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(5));
        await opened.Ledger.RecordReceivedAsync(new NewDelivery("welfare", "claims_20261120.csv", 10, DateTimeOffset.UnixEpoch), CancellationToken.None);
        return time;
    }
}
