using System.IO.Abstractions;
using System.Text.Json;
using LinkService.Configuration.Sources;
using LinkService.Intake.Checks;
using LinkService.Intake.Holding;
using LinkService.Intake.Tests.Support;
using LinkService.Ledger.Deliveries;

namespace LinkService.Intake.Tests.Holding;

/// <summary>
/// The justice source holds a valid delivery whose accepted rows are over five times more, or under a fifth, of its
/// previous accepted delivery's; the custodian then releases or rejects it.
/// </summary>
public sealed class SizeChangeHoldTests : IDisposable
{
    private readonly IntakeHarness _harness = new(WithSizeChange(Sources.Justice()));

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Intake_DeliveryWithATenthOfThePreviousRows_IsHeldWithAReceiptSayingSoAndIsNotTheCurrentInput()
    {
        var previous = await DeliverAsync("offenders_1.csv", rows: 1000);

        var held = await DeliverAsync("offenders_2.csv", rows: 100);

        Assert.Equal(DeliveryState.Held, held.State);
        Assert.NotNull(held.SettledAt);
        Assert.Equal(100, held.AcceptedRows);
        Assert.Equal([previous.Id], (await _harness.Ledger.GetAcceptedDeliveriesAsync("justice", 10, CancellationToken.None)).Select(d => d.Id));
        using var receipt = JsonDocument.Parse(await File.ReadAllTextAsync(ReceiptJson(held), TestContext.Current.CancellationToken));
        Assert.Equal("held", receipt.RootElement.GetProperty("outcome").GetString());
        Assert.Contains(
            $"100 rows accepted, against 1,000 in delivery {previous.Id}, the previous accepted one: further apart than the source's sizeChange.maxRatio of 5 allows",
            receipt.RootElement.GetProperty("reasons")[0].GetString(),
            StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_harness.Paths.StoreFolder("justice"), held.Id + ".csv")));
    }

    [Fact]
    public async Task Intake_DeliveryWithinTheRatio_IsAccepted()
    {
        await DeliverAsync("offenders_1.csv", rows: 1000);

        var next = await DeliverAsync("offenders_2.csv", rows: 4000);

        Assert.Equal(DeliveryState.Accepted, next.State);
    }

    [Fact]
    public async Task ReleaseAsync_HeldDelivery_IsAcceptedWithItsReceiptRewrittenAndTheCustodianInTheAudit()
    {
        await DeliverAsync("offenders_1.csv", rows: 1000);
        var held = await DeliverAsync("offenders_2.csv", rows: 100);

        Assert.Null(await Decisions().ReleaseAsync(held.Id, "custodian-a", CancellationToken.None));

        Assert.Equal(held.Id, (await _harness.Ledger.GetAcceptedDeliveriesAsync("justice", 1, CancellationToken.None))[0].Id);
        using var receipt = JsonDocument.Parse(await File.ReadAllTextAsync(ReceiptJson(held), TestContext.Current.CancellationToken));
        Assert.Equal("accepted", receipt.RootElement.GetProperty("outcome").GetString());
        var released = Assert.Single(await _harness.Ledger.GetHistoryAsync(held.Id, CancellationToken.None), e => e.Action == "released");
        Assert.Contains("custodian-a", released.Detail, StringComparison.Ordinal);
        Assert.True((await _harness.Ledger.VerifyAuditChainAsync(CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task RejectAsync_HeldDelivery_IsRejectedIntoQuarantineAndAReleaseAfterwardsIsRefused()
    {
        await DeliverAsync("offenders_1.csv", rows: 1000);
        var held = await DeliverAsync("offenders_2.csv", rows: 100);

        Assert.Null(await Decisions().RejectAsync(held.Id, "custodian-a", "truncated extract", CancellationToken.None));

        var rejected = (await _harness.Ledger.GetDeliveryAsync(held.Id, CancellationToken.None))!;
        Assert.Equal(DeliveryState.Rejected, rejected.State);
        Assert.NotNull(rejected.SettledAt);
        Assert.True(File.Exists(rejected.QuarantinePath));
        Assert.False(File.Exists(Path.Combine(_harness.Paths.StoreFolder("justice"), held.Id + ".csv")));
        using var receipt = JsonDocument.Parse(await File.ReadAllTextAsync(ReceiptJson(held), TestContext.Current.CancellationToken));
        Assert.Equal("rejected", receipt.RootElement.GetProperty("outcome").GetString());
        Assert.True((await _harness.Ledger.VerifyAuditChainAsync(CancellationToken.None)).IsIntact);
        Assert.Equal(new HeldDecisionProblem($"Delivery {held.Id} is rejected, not held: only a held delivery can be released or rejected.", NoSuchDelivery: false), await Decisions().ReleaseAsync(held.Id, "custodian-a", CancellationToken.None));
    }

    private static SourceDefinition WithSizeChange(SourceDefinition source) => new()
    {
        Name = source.Name,
        Schema = source.Schema,
        ResolvedSchema = source.ResolvedSchema,
        FilePattern = source.FilePattern,
        Completion = source.Completion,
        SizeChange = new SizeChangeRule { MaxRatio = 5 },
    };

    private HeldDeliveries Decisions() =>
        new(_harness.Catalog, _harness.Paths, new FileSystem(), _harness.Ledger, _harness.Time, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

    private async Task<Delivery> DeliverAsync(string name, long rows)
    {
        _harness.Check.Result = new DeliveryCheckResult { Accepted = true, AcceptedRows = rows };
        _harness.Drop(name, $"id,surname\n{rows},X\n");
        await _harness.RunUntilQuietAsync(_harness.NewCycle());
        return (await _harness.DeliveriesAsync()).Single(d => d.OriginalName == name);
    }

    private string ReceiptJson(Delivery delivery) =>
        Directory.GetFiles(_harness.Paths.ReceiptsFolder("justice"), "*.receipt.json").Single(f => Path.GetFileName(f).Contains(delivery.Id, StringComparison.Ordinal));
}
