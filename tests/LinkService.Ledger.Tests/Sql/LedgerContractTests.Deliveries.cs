using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Tests.Support;

namespace LinkService.Ledger.Tests.Sql;

/// <summary>
/// What every ledger must do, whichever database it lives in: each provider's test class runs these against a real
/// database of its kind (<see cref="SqliteLedgerContractTests"/>, <see cref="PostgresLedgerContractTests"/>).
/// </summary>
public abstract partial class LedgerContractTests : IAsyncLifetime
{
    private LedgerFixture _fixture = null!;

    /// <summary>A new ledger in an empty database of the provider's kind.</summary>
    protected abstract Task<LedgerFixture> OpenFixtureAsync(CancellationToken cancellationToken);

    public async ValueTask InitializeAsync() => _fixture = await OpenFixtureAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        _fixture.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private void Tamper(string sql) => _fixture.Execute(sql);

    /// <summary>Runs SQL with the audit table's append-only guards out of the way, as someone with the database's owner rights could.</summary>
    private void TamperBehindTriggers(string sql) => _fixture.Execute(_fixture.Database.WithoutAuditGuards + sql);

    [Fact]
    public async Task RecordReceivedAsync_NewFile_IsReceivedUnsettledWithTimes()
    {
        var modified = _fixture.Time.GetUtcNow().AddMinutes(-1);

        var delivery = await _fixture.Ledger.RecordReceivedAsync(new NewDelivery("justice", "offenders_1.csv", 42, modified), CancellationToken.None);

        Assert.Equal(DeliveryState.Received, delivery.State);
        Assert.Equal(42, delivery.DropBytes);
        Assert.Equal(modified, delivery.DropModified);
        Assert.Equal(_fixture.Time.GetUtcNow(), delivery.ReceivedAt);
        Assert.Null(delivery.SettledAt);
        Assert.Matches("^20261125T090000Z-[0-9a-f]{8}$", delivery.Id);
    }

    [Fact]
    public async Task RecordRetakenAsync_ReceivedDelivery_HoldsTheNewDropFileAndAuditsItOnce()
    {
        var received = await _fixture.Ledger.RecordReceivedAsync(new NewDelivery("justice", "offenders_1.csv", 42, _fixture.Time.GetUtcNow()), CancellationToken.None);
        var modified = _fixture.Time.GetUtcNow().AddSeconds(30);

        await _fixture.Ledger.RecordRetakenAsync(received.Id, 99, modified, CancellationToken.None);
        var retaken = await _fixture.Ledger.RecordRetakenAsync(received.Id, 99, modified, CancellationToken.None);

        Assert.Equal((DeliveryState.Received, 99L, modified), (retaken.State, retaken.DropBytes, retaken.DropModified));
        Assert.Equal(["received", "retaken"], (await _fixture.Ledger.GetHistoryAsync(received.Id, CancellationToken.None)).Select(h => h.Action));
    }

    [Fact]
    public async Task RecordRetakenAsync_AfterStored_Throws()
    {
        var stored = await _fixture.StoredDeliveryAsync("justice", new string('a', 64));

        await Assert.ThrowsAsync<InvalidOperationException>(() => _fixture.Ledger.RecordRetakenAsync(stored.Id, 99, _fixture.Time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task RecordOutcomeAsync_AfterStored_HistoryHasEveryStateChangeInOrder()
    {
        var stored = await _fixture.StoredDeliveryAsync("justice", new string('a', 64));

        await _fixture.Ledger.RecordOutcomeAsync(stored.Id, new DeliveryOutcome { State = DeliveryState.Accepted, SetAsideRows = 3 }, CancellationToken.None);
        var settled = await _fixture.Ledger.MarkSettledAsync(stored.Id, CancellationToken.None);

        var history = await _fixture.Ledger.GetHistoryAsync(stored.Id, CancellationToken.None);
        Assert.Equal(["received", "stored", "accepted", "settled"], history.Select(h => h.Action));
        Assert.Equal(DeliveryState.Accepted, settled.State);
        Assert.Equal(3, settled.SetAsideRows);
        Assert.Equal(new string('a', 64), settled.Sha256);
        Assert.NotNull(settled.SettledAt);
    }

    [Fact]
    public async Task RecordOutcomeAsync_SameOutcomeTwice_RecordsItOnce()
    {
        var stored = await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        var rejected = new DeliveryOutcome { State = DeliveryState.Rejected, Reasons = ["row 3, field 'dob': not a date"] };

        await _fixture.Ledger.RecordOutcomeAsync(stored.Id, rejected, CancellationToken.None);
        var again = await _fixture.Ledger.RecordOutcomeAsync(stored.Id, rejected, CancellationToken.None);

        Assert.Equal(["row 3, field 'dob': not a date"], again.Reasons);
        Assert.Single(await _fixture.Ledger.GetHistoryAsync(stored.Id, CancellationToken.None), h => h.Action == "rejected");
    }

    [Fact]
    public async Task RecordOutcomeAsync_AcceptBeforeStored_Throws()
    {
        var received = await _fixture.Ledger.RecordReceivedAsync(new NewDelivery("justice", "offenders_1.csv", 1, _fixture.Time.GetUtcNow()), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => _fixture.Ledger.RecordOutcomeAsync(received.Id, new DeliveryOutcome { State = DeliveryState.Accepted }, CancellationToken.None));
    }

    [Fact]
    public async Task RecordOutcomeAsync_RefusedBeforeStored_KeepsMeasuredDigest()
    {
        var received = await _fixture.Ledger.RecordReceivedAsync(new NewDelivery("justice", "offenders_1.csv", 1, _fixture.Time.GetUtcNow()), CancellationToken.None);

        var refused = await _fixture.Ledger.RecordOutcomeAsync(
            received.Id,
            new DeliveryOutcome { State = DeliveryState.Refused, Reasons = ["checksum mismatch"], Sha256 = new string('b', 64), Bytes = 1, QuarantinePath = "/q/x" },
            CancellationToken.None);

        Assert.Equal(DeliveryState.Refused, refused.State);
        Assert.Equal(new string('b', 64), refused.Sha256);
        Assert.Equal("/q/x", refused.QuarantinePath);
    }

    [Fact]
    public async Task FindDuplicateAsync_SameContentSameSource_FindsEarliestOther()
    {
        var sha = new string('c', 64);
        var first = await _fixture.StoredDeliveryAsync("justice", sha);
        var second = await _fixture.StoredDeliveryAsync("justice", sha);
        var otherSource = await _fixture.StoredDeliveryAsync("welfare", sha);

        var duplicateOfSecond = await _fixture.Ledger.FindDuplicateAsync("justice", sha, second.Id, CancellationToken.None);
        var duplicateOfFirst = await _fixture.Ledger.FindDuplicateAsync("justice", sha, first.Id, CancellationToken.None);
        var duplicateInWelfare = await _fixture.Ledger.FindDuplicateAsync("welfare", sha, otherSource.Id, CancellationToken.None);

        Assert.Equal(first.Id, duplicateOfSecond?.Id);
        Assert.Equal(second.Id, duplicateOfFirst?.Id);
        Assert.Null(duplicateInWelfare);
    }

    [Fact]
    public async Task FindDuplicateAsync_EarlierIsItselfDuplicate_IsNotCounted()
    {
        var sha = new string('d', 64);
        var first = await _fixture.StoredDeliveryAsync("justice", sha);
        await _fixture.Ledger.RecordOutcomeAsync(first.Id, new DeliveryOutcome { State = DeliveryState.Duplicate }, CancellationToken.None);
        var second = await _fixture.StoredDeliveryAsync("justice", sha);

        Assert.Null(await _fixture.Ledger.FindDuplicateAsync("justice", sha, second.Id, CancellationToken.None));
    }

    [Fact]
    public async Task FindDuplicateAsync_EarlierWasRejected_IsNotADuplicateSoTheResendIsCheckedAgain()
    {
        var sha = new string('9', 64);
        var first = await _fixture.StoredDeliveryAsync("justice", sha);
        await _fixture.Ledger.RecordOutcomeAsync(first.Id, new DeliveryOutcome { State = DeliveryState.Rejected }, CancellationToken.None);
        var second = await _fixture.StoredDeliveryAsync("justice", sha);

        Assert.Null(await _fixture.Ledger.FindDuplicateAsync("justice", sha, second.Id, CancellationToken.None));
    }

    [Fact]
    public async Task GetUnsettledDeliveriesAsync_MixedStates_ReturnsOnlyUnsettledOldestFirst()
    {
        var settled = await _fixture.StoredDeliveryAsync("justice", new string('e', 64));
        await _fixture.Ledger.RecordOutcomeAsync(settled.Id, new DeliveryOutcome { State = DeliveryState.Accepted }, CancellationToken.None);
        await _fixture.Ledger.MarkSettledAsync(settled.Id, CancellationToken.None);
        var stored = await _fixture.StoredDeliveryAsync("justice", new string('f', 64));
        _fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var received = await _fixture.Ledger.RecordReceivedAsync(new NewDelivery("welfare", "claims_1.csv", 1, _fixture.Time.GetUtcNow()), CancellationToken.None);

        var unsettled = await _fixture.Ledger.GetUnsettledDeliveriesAsync(CancellationToken.None);

        Assert.Equal([stored.Id, received.Id], unsettled.Select(d => d.Id));
    }

    [Fact]
    public async Task GetAcceptedDeliveriesAsync_SeveralAccepted_NewestFirstWithinLimit()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var stored = await _fixture.StoredDeliveryAsync("justice", new string((char)('0' + i), 64));
            await _fixture.Ledger.RecordOutcomeAsync(stored.Id, new DeliveryOutcome { State = DeliveryState.Accepted }, CancellationToken.None);
            ids.Add(stored.Id);
        }

        var latest = await _fixture.Ledger.GetAcceptedDeliveriesAsync("justice", 2, CancellationToken.None);

        Assert.Equal([ids[2], ids[1]], latest.Select(d => d.Id));
    }

    [Fact]
    public async Task GetDeliveryAsync_AfterReopen_StateSurvives()
    {
        var stored = await _fixture.StoredDeliveryAsync("justice", new string('a', 64));

        var reopened = await _fixture.Open().GetDeliveryAsync(stored.Id, CancellationToken.None);

        Assert.Equal(stored, reopened);
    }

    [Fact]
    public async Task GetRecentDeliveriesAsync_TwoSources_FiltersBySourceNewestFirst()
    {
        var first = await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        var welfare = await _fixture.StoredDeliveryAsync("welfare", new string('b', 64));
        var second = await _fixture.StoredDeliveryAsync("justice", new string('c', 64));

        var justice = await _fixture.Ledger.GetRecentDeliveriesAsync("justice", 10, CancellationToken.None);
        var all = await _fixture.Ledger.GetRecentDeliveriesAsync(null, 2, CancellationToken.None);

        Assert.Equal([second.Id, first.Id], justice.Select(d => d.Id));
        Assert.Equal([second.Id, welfare.Id], all.Select(d => d.Id));
    }
}
