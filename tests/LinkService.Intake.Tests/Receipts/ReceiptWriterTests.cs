using System.IO.Abstractions;
using System.Text.Json.Nodes;
using LinkService.Configuration.Folders;
using LinkService.Intake.Checks;
using LinkService.Intake.Receipts;
using LinkService.Intake.Storage;
using LinkService.Intake.Tests.Support;
using LinkService.Ledger.Deliveries;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Intake.Tests.Receipts;

public sealed class ReceiptWriterTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly ServicePaths _paths;
    private readonly ReceiptWriter _writer;

    public ReceiptWriterTests()
    {
        _paths = new ServicePaths(new FolderOptions(), _root.Path);
        _writer = new ReceiptWriter(new FileSystem(), new DeliveryFiles(_paths), new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 5, 0, TimeSpan.Zero)));
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task WriteAsync_ReceivedThenAccepted_LeavesOneJsonAndOneTextStatingTheOutcome()
    {
        await _writer.WriteAsync(Delivery, ReceiptOutcome.Received, [], null, CancellationToken.None);
        var check = new DeliveryCheckResult { Accepted = true, SetAsideRows = [4], Report = new JsonObject { ["rows"] = 10 }, Summary = "10 rows, 1 set aside." };

        await _writer.WriteAsync(Delivery, ReceiptOutcome.Accepted, ["row 4 set aside: field 'dob' is not a date"], check, CancellationToken.None);

        var folder = _paths.ReceiptsFolder("justice");
        Assert.Equal(["d1.json", "d1.txt"], IntakeHarness.FilesIn(folder));
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "d1.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal("accepted", (string?)json["outcome"]);
        Assert.Equal("offenders_1.csv", (string?)json["originalName"]);
        Assert.Equal(24, (long?)json["bytes"]);
        Assert.Equal(new string('a', 64), (string?)json["sha256"]);
        Assert.Equal(1, (int?)json["setAsideRows"]);
        Assert.Equal(10, (int?)json["report"]!["rows"]);
        var text = await File.ReadAllTextAsync(Path.Combine(folder, "d1.txt"), TestContext.Current.CancellationToken);
        Assert.StartsWith("Delivery d1 from justice: accepted", text, StringComparison.Ordinal);
        Assert.Contains("row 4 set aside", text, StringComparison.Ordinal);
        Assert.EndsWith("10 rows, 1 set aside.\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    private static Delivery Delivery => new()
    {
        Id = "d1",
        Source = "justice",
        OriginalName = "offenders_1.csv",
        State = DeliveryState.Stored,
        Sha256 = new string('a', 64),
        Bytes = 24,
        ReceivedAt = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero),
    };
}
