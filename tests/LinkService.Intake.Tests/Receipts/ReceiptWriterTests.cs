using System.Text.Json.Nodes;
using LinkService.Configuration.Folders;
using LinkService.Deliveries.SetAside;
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
        _writer = new ReceiptWriter(new DeliveryFiles(_paths), new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 5, 0, TimeSpan.Zero)));
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task WriteAsync_ReceivedThenAccepted_LeavesOneJsonAndOneTextStatingTheOutcome()
    {
        await _writer.WriteAsync(Delivery, ReceiptOutcome.Received, [], null, CancellationToken.None);
        var check = new DeliveryCheckResult { Accepted = true, SetAsideRows = [new SetAsideRow(4, 1)], Report = new JsonObject { ["rows"] = 10 }, Summary = "10 rows, 1 set aside." };

        await _writer.WriteAsync(Delivery, ReceiptOutcome.Accepted, ["row 4 set aside: field 'dob' is not a date"], check, CancellationToken.None);

        var folder = _paths.ReceiptsFolder("justice");
        Assert.Equal(["offenders_1.csv.d1.receipt.json", "offenders_1.csv.d1.receipt.txt"], IntakeHarness.FilesIn(folder));
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "offenders_1.csv.d1.receipt.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal("accepted", (string?)json["outcome"]);
        Assert.Equal("offenders_1.csv", (string?)json["originalName"]);
        Assert.Equal(24, (long?)json["bytes"]);
        Assert.Equal(new string('a', 64), (string?)json["sha256"]);
        Assert.Equal(1, (int?)json["setAsideRows"]);
        Assert.Equal(10, (int?)json["report"]!["rows"]);
        var text = await File.ReadAllTextAsync(Path.Combine(folder, "offenders_1.csv.d1.receipt.txt"), TestContext.Current.CancellationToken);
        Assert.StartsWith("Delivery d1 from justice: accepted", text, StringComparison.Ordinal);
        Assert.Contains($"Meaning:  {ReceiptMeanings.Of(ReceiptOutcome.Accepted)}", text, StringComparison.Ordinal);
        Assert.Null(json["errorsFile"]);
        Assert.Contains("row 4 set aside", text, StringComparison.Ordinal);
        Assert.EndsWith("10 rows, 1 set aside.\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_OutboxReplacedByALinkToTheKeysFolder_RefusedAndNothingWrittenThere()
    {
        var keys = _paths.KeysFolder;
        Directory.CreateDirectory(keys);
        Directory.CreateDirectory(_paths.DropFolder("justice"));
        Directory.CreateSymbolicLink(_paths.OutboxFolder("justice"), keys);

        await Assert.ThrowsAsync<IOException>(() => _writer.WriteAsync(Delivery, ReceiptOutcome.Received, [], null, CancellationToken.None));

        Assert.Empty(Directory.GetFileSystemEntries(keys));
    }

    [Fact]
    public async Task WriteAsync_LinksAtTheReceiptsNames_LinksReplacedAndMasterKeyUntouched()
    {
        var masterKey = _root.Write("work/keys/master.key", "key");
        var outbox = _paths.OutboxFolder("justice");
        Directory.CreateDirectory(outbox);
        string[] names = ["offenders_1.csv.d1.receipt.json", "offenders_1.csv.d1.receipt.txt"];
        foreach (var name in names.Concat(names.Select(n => "." + n + ".tmp")))
        {
            File.CreateSymbolicLink(Path.Combine(outbox, name), masterKey);
        }

        await _writer.WriteAsync(Delivery, ReceiptOutcome.Accepted, [], null, CancellationToken.None);

        Assert.Equal("key", await File.ReadAllTextAsync(masterKey, TestContext.Current.CancellationToken));
        Assert.Equal(names, IntakeHarness.FilesIn(outbox));
        Assert.All(Directory.GetFiles(outbox), f => Assert.Null(new FileInfo(f).LinkTarget));
    }

    [Fact]
    public async Task WriteAsync_CheckListsEveryError_ListPublishedBesideTheReceiptWhichNamesIt()
    {
        var list = _root.Write("work/quarantine/justice/d1.errors.csv", "row,line,field,column,error_type,problem\n" + string.Concat(Enumerable.Range(1, 3000).Select(r => $"{r},{r + 1},dob,2,type-error,is not dd/mm/yyyy\n")));
        var check = new DeliveryCheckResult { Accepted = false, Summary = "Errors:  3,000", ErrorsFile = list };

        await _writer.WriteAsync(Delivery, ReceiptOutcome.Rejected, ["too many rows failed"], check, CancellationToken.None);

        var folder = _paths.ReceiptsFolder("justice");
        Assert.Equal(["offenders_1.csv.d1.errors.csv", "offenders_1.csv.d1.receipt.json", "offenders_1.csv.d1.receipt.txt"], IntakeHarness.FilesIn(folder));
        Assert.Equal(await File.ReadAllBytesAsync(list, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(Path.Combine(folder, "offenders_1.csv.d1.errors.csv"), TestContext.Current.CancellationToken));
        var text = await File.ReadAllTextAsync(Path.Combine(folder, "offenders_1.csv.d1.receipt.txt"), TestContext.Current.CancellationToken);
        Assert.Contains("Every failing row is listed in offenders_1.csv.d1.errors.csv", text, StringComparison.Ordinal);
        Assert.DoesNotContain("see the JSON", text, StringComparison.Ordinal);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "offenders_1.csv.d1.receipt.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal("offenders_1.csv.d1.errors.csv", (string?)json["errorsFile"]);
        Assert.Equal("rejected", (string?)json["outcome"]);
    }

    [Fact]
    public async Task WriteAsync_DeliveredNameAsLongAsTheFileSystemAllows_BothReceiptsWritten()
    {
        var longest = "offenders_" + new string('a', 241) + ".csv";
        var delivery = Delivery with { OriginalName = longest };

        await _writer.WriteAsync(delivery, ReceiptOutcome.Received, [], null, CancellationToken.None);

        var written = IntakeHarness.FilesIn(_paths.ReceiptsFolder("justice"));
        Assert.Equal([ReceiptNames.Json(delivery), ReceiptNames.Text(delivery)], written);
        Assert.All(written, name => Assert.StartsWith("offenders_aaaa", name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_ListStoppedAtItsLimit_ReceiptSaysItHoldsOnlyTheFirstErrors()
    {
        var list = _root.Write("work/quarantine/justice/d1.errors.csv", "row,line,field,column,error_type,problem\n1,2,dob,2,type-error,is not dd/mm/yyyy\n");
        var check = new DeliveryCheckResult { Accepted = false, Summary = "Errors:  3,000", ErrorsFile = list, ErrorsFileStopsAt = 1_000_000 };

        await _writer.WriteAsync(Delivery, ReceiptOutcome.Rejected, ["too many rows failed"], check, CancellationToken.None);

        var text = await File.ReadAllTextAsync(Path.Combine(_paths.ReceiptsFolder("justice"), "offenders_1.csv.d1.receipt.txt"), TestContext.Current.CancellationToken);
        Assert.Contains("The first 1,000,000 row errors (the counts above cover the whole file) are listed in offenders_1.csv.d1.errors.csv", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Every failing row", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Accepted", "accepted")]
    [InlineData("Rejected", "rejected")]
    [InlineData("Refused", "refused")]
    [InlineData("Duplicate", "duplicate")]
    public async Task WriteAsync_EachOutcome_NamedInTheLedgersWordsWithItsMeaning(string outcomeName, string word)
    {
        var outcome = Enum.Parse<ReceiptOutcome>(outcomeName);
        await _writer.WriteAsync(Delivery, outcome, [], null, CancellationToken.None);

        var folder = _paths.ReceiptsFolder("justice");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "offenders_1.csv.d1.receipt.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal(word, (string?)json["outcome"]);
        Assert.Equal(ReceiptMeanings.Of(outcome), (string?)json["meaning"]);
        Assert.True(Enum.TryParse<DeliveryState>(word, ignoreCase: true, out _), $"'{word}' is not a ledger state");
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
