using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Retention;
using LinkService.Ledger.Runs;
using LinkService.Ledger.Tests.Support;

namespace LinkService.Ledger.Tests.Sql;

public abstract partial class LedgerContractTests
{
    [Fact]
    public async Task RecordDeletionAsync_AcceptedDeliveryNoRunNeeds_IsRecordedWithAnAuditRowAndTheChainVerifies()
    {
        var delivery = await AcceptedAsync("justice", 'a');

        var result = await _fixture.Ledger.RecordDeletionAsync(new RetentionDeletion(RetainedItem.StoreCopy, delivery.Id, "P90D", false), CancellationToken.None);

        Assert.Null(result.Refusal);
        Assert.Equal(new RecordedDeletion(RetainedItem.StoreCopy, delivery.Id, _fixture.Time.GetUtcNow(), false), result.Recorded);
        var last = (await _fixture.Ledger.GetHistoryAsync(delivery.Id, CancellationToken.None))[^1];
        Assert.Equal("deleted", last.Action);
        Assert.Contains("\"item\":\"store-copy\"", last.Detail, StringComparison.Ordinal);
        Assert.Contains("\"period\":\"P90D\"", last.Detail, StringComparison.Ordinal);
        Assert.Equal([result.Recorded!], await _fixture.Ledger.GetDeletionsAsync(CancellationToken.None));
        Assert.True((await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task RecordDeletionAsync_Again_ReturnsTheFirstRecordAndWritesNoSecondRow()
    {
        var delivery = await AcceptedAsync("justice", 'a');
        var first = await _fixture.Ledger.RecordDeletionAsync(new RetentionDeletion(RetainedItem.StoreCopy, delivery.Id, "P90D", false), CancellationToken.None);
        _fixture.Time.Advance(TimeSpan.FromDays(1));

        var again = await _fixture.Ledger.RecordDeletionAsync(new RetentionDeletion(RetainedItem.StoreCopy, delivery.Id, "P90D", true), CancellationToken.None);

        Assert.Equal(first.Recorded, again.Recorded);
        Assert.Single(await _fixture.Ledger.GetHistoryAsync(delivery.Id, CancellationToken.None), h => h.Action == "deleted");
    }

    [Fact]
    public async Task RecordDeletionAsync_StoreCopyARunHeldForApprovalReads_IsRefusedNamingTheRun()
    {
        var delivery = await AcceptedAsync("justice", 'a');
        await _fixture.Ledger.StartRunAsync(new RunStart("r1", StageProject, "/runs/r1", [delivery.Id], Owners.This), CancellationToken.None);
        await _fixture.Ledger.RecordLinkedAsync("r1", Owners.This, new Dictionary<string, long>(), CancellationToken.None);
        await _fixture.Ledger.RecordAnonymisedAsync("r1", Owners.This, CancellationToken.None);
        await _fixture.Ledger.RecordCheckedAsync("r1", Owners.This, new RunCheck("review", 1), CancellationToken.None);
        await _fixture.Ledger.HoldRunAsync("r1", Owners.This, CancellationToken.None);

        var result = await _fixture.Ledger.RecordDeletionAsync(new RetentionDeletion(RetainedItem.StoreCopy, delivery.Id, "P90D", false), CancellationToken.None);

        Assert.Null(result.Recorded);
        Assert.Equal($"run r1 of project '{StageProject}' reads it and is held for approval", result.Refusal);
        Assert.Empty(await _fixture.Ledger.GetDeletionsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RecordDeletionAsync_FolderOfARunStillRunning_IsRefused()
    {
        await _fixture.Ledger.StartRunAsync(new RunStart("r1", StageProject, "/runs/r1", [], Owners.This), CancellationToken.None);

        var result = await _fixture.Ledger.RecordDeletionAsync(new RetentionDeletion(RetainedItem.RunFolder, "r1", "P30D", false), CancellationToken.None);

        Assert.StartsWith("run r1 is running", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordDeletionAsync_FolderOfAFinishedRun_IsRecordedAgainstTheRun()
    {
        await _fixture.Ledger.StartRunAsync(new RunStart("r1", StageProject, "/runs/r1", [], Owners.This), CancellationToken.None);
        await _fixture.Ledger.FailRunAsync("r1", "test", CancellationToken.None);

        var result = await _fixture.Ledger.RecordDeletionAsync(new RetentionDeletion(RetainedItem.RunFolder, "r1", "P30D", false), CancellationToken.None);

        Assert.Equal(RetainedItem.RunFolder, result.Recorded?.Item);
        Assert.Equal("deleted", (await _fixture.Ledger.GetHistoryAsync("r1", CancellationToken.None))[^1].Action);
        Assert.True((await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task GetAcceptedDeliveriesAsync_CopyDeletedByRetention_IsNoLongerOffered()
    {
        var older = await AcceptedAsync("justice", 'a');
        var newer = await AcceptedAsync("justice", 'b');

        await _fixture.Ledger.RecordDeletionAsync(new RetentionDeletion(RetainedItem.StoreCopy, newer.Id, "P0D", false), CancellationToken.None);

        Assert.Equal([older.Id], (await _fixture.Ledger.GetAcceptedDeliveriesAsync("justice", 10, CancellationToken.None)).Select(d => d.Id));
    }

    [Fact]
    public async Task FindDuplicateAsync_ContentWhoseCopyRetentionDeleted_IsNotADuplicate()
    {
        var old = await AcceptedAsync("justice", 'a');
        await _fixture.Ledger.RecordDeletionAsync(new RetentionDeletion(RetainedItem.StoreCopy, old.Id, "P0D", false), CancellationToken.None);
        var resent = await _fixture.StoredDeliveryAsync("justice", new string('a', 64));

        Assert.Null(await _fixture.Ledger.FindDuplicateAsync("justice", new string('a', 64), resent.Id, CancellationToken.None));
    }

    [Fact]
    public async Task VerifyAuditChainAsync_DeletionRowRemovedFromItsTable_IsReported()
    {
        var delivery = await AcceptedAsync("justice", 'a');
        await _fixture.Ledger.RecordDeletionAsync(new RetentionDeletion(RetainedItem.StoreCopy, delivery.Id, "P0D", false), CancellationToken.None);

        Tamper("DELETE FROM retention_deletions;");

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);
        Assert.False(verification.IsIntact);
        Assert.Equal($"delivery {delivery.Id}: its items deleted by retention is not the one the audit chain recorded", verification.Problem);
    }

    [Fact]
    public async Task VerifyAuditChainAsync_DeletionPlantedInItsTableWithoutAnAuditRow_IsReported()
    {
        var delivery = await AcceptedAsync("justice", 'a');

        Tamper($"INSERT INTO retention_deletions VALUES ('delivery', '{delivery.Id}', 'store-copy', '2026-11-25T09:00:00.0000000Z', 0);");

        Assert.False((await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None)).IsIntact);
    }

    private async Task<Delivery> AcceptedAsync(string source, char digest)
    {
        var stored = await _fixture.StoredDeliveryAsync(source, new string(digest, 64));
        await _fixture.Ledger.RecordOutcomeAsync(stored.Id, new DeliveryOutcome { State = DeliveryState.Accepted }, CancellationToken.None);
        return await _fixture.Ledger.MarkSettledAsync(stored.Id, CancellationToken.None);
    }
}
