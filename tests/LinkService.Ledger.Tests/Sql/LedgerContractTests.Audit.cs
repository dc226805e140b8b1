using System.Data.Common;
using LinkService.Ledger.Audit;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;
using LinkService.Ledger.Tests.Support;

namespace LinkService.Ledger.Tests.Sql;

public abstract partial class LedgerContractTests
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
        TamperBehindTriggers("UPDATE audit SET detail = replace(detail, 'bbbb', 'cccc') WHERE seq = 4;");

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);

        Assert.False(verification.IsIntact);
        Assert.Equal(4, verification.FirstTamperedSequence);
    }

    [Fact]
    public async Task VerifyAuditChainAsync_RowForgedWithARecomputedUnkeyedHash_ReportsThatRow()
    {
        await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        var first = (await _fixture.Ledger.GetHistoryAsync((await _fixture.Ledger.GetUnsettledDeliveriesAsync(CancellationToken.None))[0].Id, CancellationToken.None))[0];
        var forgedDetail = first.Detail.Replace("offenders_1.csv", "offenders_2.csv", StringComparison.Ordinal);
        var at = first.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var forgedHash = UnkeyedHash(1, at, first.Entity, first.EntityId, first.Action, forgedDetail, first.PreviousMac);
        TamperBehindTriggers($"UPDATE audit SET detail = '{forgedDetail}', mac = '{forgedHash}' WHERE seq = 1;");

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);

        Assert.False(verification.IsIntact);
        Assert.Equal(1, verification.FirstTamperedSequence);
        Assert.Equal(0, verification.RowsChecked);
        Assert.Contains("its MAC is not one LinkService wrote", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAuditChainAsync_RowForgedUnderAnotherKey_ReportsThatRow()
    {
        await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        var first = (await _fixture.Ledger.GetHistoryAsync((await _fixture.Ledger.GetUnsettledDeliveriesAsync(CancellationToken.None))[0].Id, CancellationToken.None))[0];
        var at = first.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var forgedMac = AuditChain.MacOf(new AuditKey(new byte[32]), 1, at, first.Entity, first.EntityId, first.Action, first.Detail, first.PreviousMac);
        TamperBehindTriggers($"UPDATE audit SET mac = '{forgedMac}' WHERE seq = 1;");

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);

        Assert.Equal(1, verification.FirstTamperedSequence);
    }

    [Fact]
    public async Task VerifyAuditChainAsync_RowDeleted_ReportsTheGap()
    {
        await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        await _fixture.StoredDeliveryAsync("justice", new string('b', 64));
        TamperBehindTriggers("DELETE FROM audit WHERE seq = 2;");

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);

        Assert.False(verification.IsIntact);
        Assert.Equal(3, verification.FirstTamperedSequence);
    }

    [Fact]
    public async Task VerifyAuditChainAsync_EveryKindOfChange_IsIntact()
    {
        var received = await _fixture.Ledger.RecordReceivedAsync(new NewDelivery("justice", "offenders_1.csv", 10, _fixture.Time.GetUtcNow()), CancellationToken.None);
        await _fixture.Ledger.RecordRetakenAsync(received.Id, 20, _fixture.Time.GetUtcNow(), CancellationToken.None);
        await _fixture.Ledger.RecordOutcomeAsync(received.Id, new DeliveryOutcome { State = DeliveryState.Refused, Sha256 = new string('e', 64) }, CancellationToken.None);
        var accepted = await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        await _fixture.Ledger.RecordOutcomeAsync(accepted.Id, new DeliveryOutcome { State = DeliveryState.Accepted }, CancellationToken.None);
        await _fixture.Ledger.MarkSettledAsync(accepted.Id, CancellationToken.None);
        var duplicate = await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        await _fixture.Ledger.RecordOutcomeAsync(duplicate.Id, new DeliveryOutcome { State = DeliveryState.Duplicate, DuplicateOf = accepted.Id }, CancellationToken.None);
        await _fixture.Ledger.StartRunAsync(new RunStart("r1", "p", "/runs/r1", [accepted.Id], Owners.Other), CancellationToken.None);
        await _fixture.Ledger.CompleteRunAsync("r1", new Dictionary<string, long> { ["links"] = 1 }, CancellationToken.None);
        await _fixture.Ledger.StartRunAsync(new RunStart("r2", "p", "/runs/r2", [accepted.Id], Owners.Other), CancellationToken.None);
        await _fixture.Ledger.FailRunAsync("r2", "failed", CancellationToken.None);
        await _fixture.Ledger.StartRunAsync(new RunStart("r3", "p", "/runs/r3", [accepted.Id], Owners.Other), CancellationToken.None);

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);

        Assert.True(verification.IsIntact, verification.Problem);
    }

    [Fact]
    public async Task VerifyAuditChainAsync_RejectedDeliveryMarkedAcceptedInItsTable_ReportsTheDisagreement()
    {
        var delivery = await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        await _fixture.Ledger.RecordOutcomeAsync(delivery.Id, new DeliveryOutcome { State = DeliveryState.Rejected }, CancellationToken.None);
        Tamper($"UPDATE deliveries SET state = 'Accepted' WHERE id = '{delivery.Id}';");

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);

        Assert.False(verification.IsIntact);
        Assert.Null(verification.FirstTamperedSequence);
        Assert.Equal($"delivery {delivery.Id} is Accepted in its table but Rejected in the audit chain", verification.Problem);
    }

    [Fact]
    public async Task VerifyAuditChainAsync_StoredDigestReplacedInItsTable_ReportsIt()
    {
        var delivery = await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        Tamper($"UPDATE deliveries SET sha256 = '{new string('f', 64)}' WHERE id = '{delivery.Id}';");

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);

        Assert.False(verification.IsIntact);
        Assert.Contains($"delivery {delivery.Id}: its SHA-256", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAuditChainAsync_RunAddedOrRemovedBehindTheChain_ReportsIt()
    {
        await _fixture.Ledger.StartRunAsync(new RunStart("r1", "p", "/runs/r1", [], Owners.Other), CancellationToken.None);
        Tamper("INSERT INTO runs (id, project, state, run_folder, started_at) VALUES ('r0', 'p', 'Completed', '/runs/r0', '2000-01-01T00:00:00.0000000Z');");

        var added = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);
        Tamper("DELETE FROM runs WHERE id = 'r0'; DELETE FROM run_inputs WHERE run_id = 'r1'; DELETE FROM runs WHERE id = 'r1';");
        var removed = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);

        Assert.Equal("run r0 is in its table but has no audit rows", added.Problem);
        Assert.Equal("run r1 is in the audit chain but not in its table", removed.Problem);
    }

    [Fact]
    public async Task AuditTable_UpdateOrDelete_IsRefusedByTheDatabase()
    {
        await _fixture.StoredDeliveryAsync("justice", new string('a', 64));

        Assert.ThrowsAny<DbException>(() => Tamper("UPDATE audit SET detail = '{}' WHERE seq = 1;"));
        Assert.ThrowsAny<DbException>(() => Tamper("DELETE FROM audit;"));
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
    public async Task TwoLedgersOnOneDatabase_AppendingAndClaimingAtOnce_OneChainThatVerifiesAndOneRunClaimed()
    {
        // Two nodes: each its own ledger, connections and process-local lock, on one database and one anchor file.
        var nodes = new[] { _fixture.Ledger, _fixture.Open() };
        var owners = new[] { Owners.This, Owners.Other };
        var cancellationToken = TestContext.Current.CancellationToken;

        var received = Enumerable.Range(0, 30).Select(i =>
            nodes[i % 2].RecordReceivedAsync(new NewDelivery("justice", $"offenders_{i}.csv", i, _fixture.Time.GetUtcNow()), cancellationToken));
        var claims = Enumerable.Range(0, 10).Select(i =>
            nodes[i % 2].StartRunAsync(new RunStart($"r{i}", "p", $"/runs/r{i}", [], owners[i % 2]), cancellationToken)).ToList();
        await Task.WhenAll(received);
        var results = await Task.WhenAll(claims);

        var started = Assert.Single(results, r => r.Started is not null).Started!;
        Assert.All(results.Where(r => r.Started is null), r => Assert.Equal(started.Id, r.Holder!.Id));
        Assert.Equal([started.Id], (await _fixture.Ledger.GetRunsInStateAsync(RunState.Running, cancellationToken)).Select(r => r.Id));
        var verification = await nodes[1].VerifyAuditChainAsync(cancellationToken);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(31, verification.RowsChecked);
        Assert.Equal(31, (await _fixture.Ledger.GetAuditHeadAsync(cancellationToken))!.Sequence);
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

    /// <summary>The chain's rule before it was keyed: what anyone with the database file could recompute.</summary>
    private static string UnkeyedHash(long sequence, string at, string entity, string entityId, string action, string detail, string previous)
    {
        var text = string.Concat(new[] { sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), at, entity, entityId, action, detail, previous }
            .Select(f => $"{f.Length}:{f}\n"));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}
