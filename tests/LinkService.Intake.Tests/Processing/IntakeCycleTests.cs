using System.Text.Json.Nodes;
using LinkService.Configuration.Sources;
using LinkService.Deliveries.SetAside;
using LinkService.Intake.Checks;
using LinkService.Intake.Processing;
using LinkService.Intake.Tests.Support;
using LinkService.Ledger.Deliveries;
using LinkService.Deliveries.Store;

namespace LinkService.Intake.Tests.Processing;

public sealed class IntakeCycleTests : IDisposable
{
    private const string Content = "id,surname\n1,HARGREAVES\n";
    private readonly IntakeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task RunAsync_FileNotQuietYet_IsLeftInDropAndWakeIsWhenItWillBeQuiet()
    {
        var cycle = _harness.NewCycle();
        await cycle.RunAsync(null, CancellationToken.None);
        _harness.Drop("offenders_1.csv", Content);

        var wake = await cycle.RunAsync(null, CancellationToken.None);
        _harness.Time.Advance(Sources.Quiet - TimeSpan.FromSeconds(1));
        await cycle.RunAsync(null, CancellationToken.None);

        Assert.Equal(_harness.Time.GetUtcNow() + TimeSpan.FromSeconds(1), wake);
        Assert.Empty(await _harness.DeliveriesAsync());
        Assert.True(File.Exists(_harness.DropPath("offenders_1.csv")));
    }

    [Fact]
    public async Task RunAsync_FileQuietForThePeriod_IsStoredAcceptedAndRemovedFromDrop()
    {
        _harness.Drop("offenders_1.csv", Content);

        await _harness.RunUntilQuietAsync(_harness.NewCycle());

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal(DeliveryState.Accepted, delivery.State);
        Assert.NotNull(delivery.SettledAt);
        Assert.Equal(IntakeHarness.Sha256Of(Content), delivery.Sha256);
        Assert.Equal(Content.Length, delivery.Bytes);
        Assert.Equal(Content, await File.ReadAllTextAsync(Path.Combine(_harness.Paths.StoreFolder("justice"), delivery.Id + ".csv"), TestContext.Current.CancellationToken));
        Assert.False(File.Exists(_harness.DropPath("offenders_1.csv")));
        Assert.Empty(IntakeHarness.FilesIn(_harness.Paths.StagingRoot));
    }

    [Fact]
    public async Task RunAsync_FileGrowsDuringQuietPeriod_WaitsForANewQuietPeriod()
    {
        var cycle = _harness.NewCycle();
        await cycle.RunAsync(null, CancellationToken.None);
        var path = _harness.Drop("offenders_1.csv", Content);
        await cycle.RunAsync(null, CancellationToken.None);
        _harness.Time.Advance(Sources.Quiet - TimeSpan.FromSeconds(1));
        const string More = "2,OKONKWO\n";
        await File.AppendAllTextAsync(path, More, TestContext.Current.CancellationToken);
        await cycle.RunAsync(null, CancellationToken.None);

        _harness.Time.Advance(TimeSpan.FromSeconds(2));
        await cycle.RunAsync(null, CancellationToken.None);
        Assert.Empty(await _harness.DeliveriesAsync());

        _harness.Time.Advance(Sources.Quiet);
        await cycle.RunAsync(null, CancellationToken.None);
        Assert.Equal(Content.Length + More.Length, Assert.Single(await _harness.DeliveriesAsync()).Bytes);
    }

    [Fact]
    public async Task RunAsync_UploadStallsLongerThanTheQuietPeriodWithTheFileOpen_OnlyTheWholeFileIsEverAccepted()
    {
        var cycle = _harness.NewCycle();
        await cycle.RunAsync(null, CancellationToken.None);
        var rows = Enumerable.Range(1, 2_000).Select(i => $"{i},SURNAME{i}\n").ToList();
        var path = _harness.DropPath("offenders_1.csv");
        await using (var upload = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite))
        {
            await upload.WriteAsync(System.Text.Encoding.UTF8.GetBytes("id,surname\n" + string.Concat(rows.Take(1_000))), TestContext.Current.CancellationToken);
            await upload.FlushAsync(TestContext.Current.CancellationToken);

            // The stall ends at a row boundary: nothing in the content says more is coming.
            foreach (var pause in new[] { Sources.Quiet * 2, _harness.Options.FallbackQuietPeriod, TimeSpan.FromHours(6) })
            {
                _harness.Time.Advance(pause);
                await cycle.RunAsync(null, CancellationToken.None);
                Assert.Empty(await _harness.DeliveriesAsync());
                Assert.Empty(IntakeHarness.FilesIn(_harness.Paths.ReceiptsFolder("justice")));
            }

            await upload.WriteAsync(System.Text.Encoding.UTF8.GetBytes(string.Concat(rows.Skip(1_000))), TestContext.Current.CancellationToken);
        }

        await _harness.RunUntilQuietAsync(cycle);

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal(DeliveryState.Accepted, delivery.State);
        var stored = await File.ReadAllLinesAsync(Path.Combine(_harness.Paths.StoreFolder("justice"), delivery.Id + ".csv"), TestContext.Current.CancellationToken);
        Assert.Equal(["id,surname", .. rows.Select(r => r.TrimEnd('\n'))], stored);
    }

    [Fact]
    public async Task RunAsync_FileThereBeforeTheServiceStarted_WaitsForTheFallbackQuietPeriodNotTheSources()
    {
        _harness.Drop("offenders_1.csv", Content);
        var restarted = _harness.NewCycle();

        await restarted.RunAsync(null, CancellationToken.None);
        _harness.Time.Advance(_harness.Options.FallbackQuietPeriod - TimeSpan.FromSeconds(1));
        await restarted.RunAsync(null, CancellationToken.None);
        Assert.Empty(await _harness.DeliveriesAsync());

        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        await restarted.RunAsync(null, CancellationToken.None);
        Assert.Equal(DeliveryState.Accepted, Assert.Single(await _harness.DeliveriesAsync()).State);
    }

    [Fact]
    public async Task RunAsync_WriterFromBeforeARestartWritesOnAfterTheFileWasTaken_LossReportedNamingTheDelivery()
    {
        var path = _harness.DropPath("offenders_1.csv");
        await using var upload = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        await upload.WriteAsync(System.Text.Encoding.UTF8.GetBytes(Content), TestContext.Current.CancellationToken);
        await upload.FlushAsync(TestContext.Current.CancellationToken);
        var restarted = _harness.NewCycle();
        await _harness.RunUntilQuietAsync(restarted);
        var taken = Assert.Single(await _harness.DeliveriesAsync());
        Assert.DoesNotContain(_harness.Logs.Lines, l => l.Contains(" 3203 ", StringComparison.Ordinal));

        await upload.WriteAsync(System.Text.Encoding.UTF8.GetBytes("2,OKONKWO\n"), TestContext.Current.CancellationToken);
        await upload.FlushAsync(TestContext.Current.CancellationToken);
        await restarted.RunAsync(null, TestContext.Current.CancellationToken);

        Assert.Contains(_harness.Logs.Lines, l => l.Contains(" 3203 ", StringComparison.Ordinal) && l.Contains(taken.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_FileThereBeforeTheServiceStartedThenClosedByItsWriter_TakenAfterTheSourcesQuietPeriod()
    {
        var path = _harness.Drop("offenders_1.csv", Content);
        var restarted = _harness.NewCycle();
        await restarted.RunAsync(null, CancellationToken.None);

        await File.AppendAllTextAsync(path, "2,OKONKWO\n", TestContext.Current.CancellationToken);
        await restarted.RunAsync(null, CancellationToken.None);
        _harness.Time.Advance(Sources.Quiet);
        await restarted.RunAsync(null, CancellationToken.None);

        Assert.Equal(DeliveryState.Accepted, Assert.Single(await _harness.DeliveriesAsync()).State);
    }

    [Theory]
    [InlineData("id,surname\n1,HARG", "REAVES\n")]
    [InlineData("id,surname\n1,\"HARGREAVES\n", "AND SONS\"\n")]
    public async Task RunAsync_ClosedButItsLastRecordCutOff_WaitsForTheRestThenOneAcceptedDelivery(string first, string rest)
    {
        var cycle = _harness.NewCycle();
        await cycle.RunAsync(null, CancellationToken.None);
        var path = _harness.Drop("offenders_1.csv", first);

        await _harness.RunUntilQuietAsync(cycle);
        _harness.Time.Advance(_harness.Options.FallbackQuietPeriod - TimeSpan.FromSeconds(1));
        await cycle.RunAsync(null, CancellationToken.None);
        Assert.DoesNotContain(await _harness.DeliveriesAsync(), d => d.State != DeliveryState.Received);
        Assert.DoesNotContain(IntakeHarness.FilesIn(_harness.Paths.ReceiptsFolder("justice")), f => f.EndsWith(".json", StringComparison.Ordinal));

        await File.AppendAllTextAsync(path, rest, TestContext.Current.CancellationToken);
        await _harness.RunUntilQuietAsync(cycle);

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal(DeliveryState.Accepted, delivery.State);
        Assert.Equal(first + rest, await File.ReadAllTextAsync(Path.Combine(_harness.Paths.StoreFolder("justice"), delivery.Id + ".csv"), TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("id,surname\n1,HARG")]
    [InlineData("id,surname\n1,\"HARGREAVES\n")]
    public async Task RunAsync_LastRecordStillCutOffAfterTheFallbackQuietPeriod_RefusedWithAReceiptAndKeptWholeInQuarantine(string content)
    {
        var cycle = _harness.NewCycle();
        await cycle.RunAsync(null, CancellationToken.None);
        _harness.Drop("offenders_1.csv", content);
        await _harness.RunUntilQuietAsync(cycle);

        _harness.Time.Advance(_harness.Options.FallbackQuietPeriod - TimeSpan.FromSeconds(1));
        await cycle.RunAsync(null, CancellationToken.None);
        var waiting = await Intake.Waiting.WaitingReport.ReadAsync(_harness.Paths.IntakeWaitingFile, CancellationToken.None);
        Assert.Equal(DeliveryState.Received, Assert.Single(await _harness.DeliveriesAsync()).State);
        Assert.Equal("the rest of its last record (it ends with no line end, or inside quotes), then to be refused if nothing more comes within 5 min", Assert.Single(waiting!.Files).WaitsFor);

        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        await cycle.RunAsync(null, CancellationToken.None);

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal(DeliveryState.Refused, delivery.State);
        Assert.Equal([RefusalRules.CutOff(_harness.Options.FallbackQuietPeriod)], delivery.Reasons);
        Assert.Equal(content, await File.ReadAllTextAsync(delivery.QuarantinePath!, TestContext.Current.CancellationToken));
        var receipt = await File.ReadAllTextAsync(Path.Combine(_harness.Paths.ReceiptsFolder("justice"), Intake.Receipts.ReceiptNames.Text(delivery)), TestContext.Current.CancellationToken);
        Assert.Contains("the file's last record is cut off (no line end after it, or a quoted field left open) and nothing more came for 5 min; if the upload stopped short, deliver the whole file again", receipt, StringComparison.Ordinal);
        Assert.DoesNotContain("HARG", receipt, StringComparison.Ordinal);
        Assert.Empty(_harness.Check.Checked);
        Assert.False(File.Exists(_harness.DropPath("offenders_1.csv")));
    }

    [Fact]
    public async Task RunAsync_FolderNestedTooDeep_ShownWaitingNeitherTakenNorRefused()
    {
        var cycle = _harness.NewCycle();
        await cycle.RunAsync(null, CancellationToken.None);
        var deep = _harness.DropPath(Path.Combine("a", "b", "c", "d", "e", "f", "g", "h", "i"));
        Directory.CreateDirectory(deep);
        await File.WriteAllTextAsync(Path.Combine(deep, "offenders_1.csv"), Content, TestContext.Current.CancellationToken);

        await _harness.RunUntilQuietAsync(cycle);

        var report = await Intake.Waiting.WaitingReport.ReadAsync(_harness.Paths.IntakeWaitingFile, CancellationToken.None);
        var waiting = Assert.Single(report!.Files);
        Assert.Equal(("a/b/c/d/e/f/g/h/i/", "what is in it to be moved to the top of the drop folder: it is a folder nested more than 8 deep, and nothing in it is looked at"), (waiting.Name, waiting.WaitsFor));
        Assert.Empty(await _harness.DeliveriesAsync());
        Assert.True(File.Exists(Path.Combine(deep, "offenders_1.csv")));
    }

    [Fact]
    public async Task RunAsync_FilesWaiting_PublishedWithHowLongAndWhatFor()
    {
        using var harness = new IntakeHarness(Sources.Justice(CompletionSignal.Marker));
        var cycle = harness.NewCycle();
        await cycle.RunAsync(null, CancellationToken.None);
        var started = harness.Time.GetUtcNow();
        await using var open = new FileStream(harness.DropPath("offenders_open.csv"), FileMode.CreateNew, FileAccess.Write);
        harness.Drop("offenders_unmarked.csv", Content);
        Directory.CreateDirectory(harness.DropPath("march"));
        harness.Drop(Path.Combine("march", "offenders_1.csv"), Content);

        await cycle.RunAsync(null, CancellationToken.None);
        harness.Time.Advance(Sources.Quiet);
        await cycle.RunAsync(null, CancellationToken.None);

        var report = await Intake.Waiting.WaitingReport.ReadAsync(harness.Paths.IntakeWaitingFile, CancellationToken.None);
        Assert.NotNull(report);
        var waiting = report.Files.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(["march/offenders_1.csv", "offenders_open.csv", "offenders_unmarked.csv"], waiting.Select(f => f.Name));
        Assert.All(waiting, f => Assert.Equal(started, f.Since));
        Assert.EndsWith(", then to be refused (it is in a sub-folder)", waiting[0].WaitsFor, StringComparison.Ordinal);
        Assert.Equal(Intake.Waiting.WaitsFor.Writer, waiting[1].WaitsFor);
        Assert.Equal("its .done marker, written after its last change", waiting[2].WaitsFor);
    }

    [Fact]
    public async Task RunAsync_FileUploadedIntoASubFolderWhileRunning_WaitsSayingSubFoldersAreNotWatchedNotThatItWasThereBeforeTheStart()
    {
        var cycle = _harness.NewCycle();
        await cycle.RunAsync(null, CancellationToken.None);
        Directory.CreateDirectory(_harness.DropPath("march"));
        _harness.Drop(Path.Combine("march", "offenders_1.csv"), Content);

        await cycle.RunAsync(null, CancellationToken.None);

        var report = await Intake.Waiting.WaitingReport.ReadAsync(_harness.Paths.IntakeWaitingFile, CancellationToken.None);
        Assert.NotNull(report);
        var waiting = Assert.Single(report.Files);
        Assert.DoesNotContain("before the service started", waiting.WaitsFor, StringComparison.Ordinal);
        Assert.Contains("closes are not watched in sub-folders", waiting.WaitsFor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TemporaryNameRenamedWhenDone_IsTakenOnceAfterTheRename()
    {
        var temporary = _harness.Drop("offenders_1.csv.part", Content);
        var cycle = _harness.NewCycle();
        await _harness.RunUntilQuietAsync(cycle);
        Assert.Empty(await _harness.DeliveriesAsync());

        File.Move(temporary, _harness.DropPath("offenders_1.csv"));
        await _harness.RunUntilQuietAsync(cycle);
        await _harness.RunUntilQuietAsync(cycle);

        Assert.Equal("offenders_1.csv", Assert.Single(await _harness.DeliveriesAsync()).OriginalName);
        Assert.Single(_harness.Check.Checked);
    }

    [Theory]
    [InlineData("claims_1.csv", "id\n1\n", "does not match the source's pattern")]
    [InlineData("offenders_1.csv", "", "the file is empty")]
    [InlineData("offenders_2.csv", "0123456789-0123456789", "larger than the source's limit of 20 bytes")]
    public async Task RunAsync_FileTheLandingZoneMustRefuse_IsQuarantinedWithReasonAndRejectedReceipt(string name, string content, string reason)
    {
        using var harness = new IntakeHarness(Sources.Justice(maxBytes: 20));
        harness.Drop(name, content);

        await harness.RunUntilQuietAsync(harness.NewCycle());

        var delivery = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal(DeliveryState.Refused, delivery.State);
        Assert.Contains(delivery.Reasons, r => r.Contains(reason, StringComparison.Ordinal));
        var quarantine = harness.Paths.QuarantineFolder("justice");
        Assert.Equal([delivery.Id + ".csv", delivery.Id + ".reason.txt"], IntakeHarness.FilesIn(quarantine));
        Assert.Equal(content, await File.ReadAllTextAsync(Path.Combine(quarantine, delivery.Id + ".csv"), TestContext.Current.CancellationToken));
        Assert.Contains(reason, await File.ReadAllTextAsync(Path.Combine(quarantine, delivery.Id + ".reason.txt"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var receipt = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(harness.Paths.ReceiptsFolder("justice"), Intake.Receipts.ReceiptNames.Json(delivery)), TestContext.Current.CancellationToken))!;
        Assert.Equal("refused", (string?)receipt["outcome"]);
        Assert.Empty(harness.Check.Checked);
        Assert.False(File.Exists(harness.DropPath(name)));
    }

    [Fact]
    public async Task RunAsync_SymbolicLink_IsRecordedAndRemovedNeverKeptNorItsTargetRead()
    {
        var outside = Path.Combine(_harness.Paths.WorkRoot, "secret.csv");
        Directory.CreateDirectory(_harness.Paths.WorkRoot);
        await File.WriteAllTextAsync(outside, Content, TestContext.Current.CancellationToken);
        File.CreateSymbolicLink(_harness.DropPath("offenders_1.csv"), outside);

        await _harness.NewCycle().RunAsync(null, CancellationToken.None);

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal(DeliveryState.Refused, delivery.State);
        Assert.Null(delivery.Sha256);
        Assert.Equal([RefusalRules.Link], delivery.Reasons);
        Assert.Equal([delivery.Id + ".reason.txt"], IntakeHarness.FilesIn(_harness.Paths.QuarantineFolder("justice")));
        Assert.Null(new FileInfo(Path.Combine(_harness.Paths.QuarantineFolder("justice"), delivery.Id + ".csv")).LinkTarget);
        Assert.Equal(Content, await File.ReadAllTextAsync(outside, TestContext.Current.CancellationToken));
        Assert.Empty(_harness.Check.Checked);
        Assert.False(File.Exists(_harness.DropPath("offenders_1.csv")));
    }

    [Fact]
    public async Task RunAsync_HardLinkToAFileElsewhere_RefusedWithAReceiptAndOnlyItsDropNameRemoved()
    {
        var cycle = _harness.NewCycle();
        await cycle.RunAsync(null, CancellationToken.None);
        var elsewhere = ElsewhereOnTheSameFileSystem(_harness, Content);
        HardLink.Create(elsewhere, _harness.DropPath("offenders_1.csv"));

        await _harness.RunUntilQuietAsync(cycle);

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal((DeliveryState.Refused, null, null), (delivery.State, delivery.Sha256, delivery.Bytes));
        Assert.Equal([RefusalRules.HardLink], delivery.Reasons);
        Assert.NotNull(delivery.SettledAt);
        await AssertNothingOfItKeptAsync(_harness, delivery, elsewhere, Content);
        var receipt = await File.ReadAllTextAsync(Path.Combine(_harness.Paths.ReceiptsFolder("justice"), Intake.Receipts.ReceiptNames.Text(delivery)), TestContext.Current.CancellationToken);
        Assert.Contains("refused", receipt, StringComparison.Ordinal);
        Assert.Contains("File:     offenders_1.csv", receipt, StringComparison.Ordinal);
        Assert.Contains("the file has another name (a hard link)", receipt, StringComparison.Ordinal);
        foreach (var text in Directory.GetFiles(_harness.Paths.ReceiptsFolder("justice")).Select(File.ReadAllText).Concat(_harness.Logs.Lines))
        {
            Assert.DoesNotContain("HARGREAVES", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunAsync_FileGivenAnotherNameBetweenTheScanAndTheOpen_RefusedOnTheHandleNotRetried()
    {
        var drop = _harness.Drop("offenders_1.csv", Content);
        var elsewhere = ElsewhereOnTheSameFileSystem(_harness, "id,surname\n7,OKONKWO\n");

        // After every look of the scan, the department puts a name of the other file in its upload's place.
        var swapped = new ActingBeforeOpenFileSystem(drop, () =>
        {
            HardLink.Create(elsewhere, drop + ".swap");
            File.Move(drop + ".swap", drop, overwrite: true);
        });
        await _harness.RunUntilQuietAsync(_harness.NewCycle(swapped));

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal((DeliveryState.Refused, null), (delivery.State, delivery.Sha256));
        Assert.Equal([RefusalRules.HardLink], delivery.Reasons);
        Assert.NotNull(delivery.SettledAt);
        await AssertNothingOfItKeptAsync(_harness, delivery, elsewhere, "id,surname\n7,OKONKWO\n");
        Assert.Equal("refused", (string?)JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_harness.Paths.ReceiptsFolder("justice"), Intake.Receipts.ReceiptNames.Json(delivery)), TestContext.Current.CancellationToken))!["outcome"]);
    }

    [Fact]
    public async Task RunAsync_FileWhoseOtherNameGoesBeforeItIsQuiet_WaitsThenIsTakenAsAnUpload()
    {
        // OpenSSH's sftp-server renames an upload by linking the new name, then removing the old.
        var cycle = _harness.NewCycle();
        await cycle.RunAsync(null, CancellationToken.None);
        var temporary = _harness.Drop("offenders_1.csv.filepart", Content);
        HardLink.Create(temporary, _harness.DropPath("offenders_1.csv"));
        await cycle.RunAsync(null, CancellationToken.None);
        var waiting = Assert.Single((await Intake.Waiting.WaitingReport.ReadAsync(_harness.Paths.IntakeWaitingFile, CancellationToken.None))!.Files);
        Assert.EndsWith(", then to be refused if it still has another name (a hard link)", waiting.WaitsFor, StringComparison.Ordinal);
        File.Delete(temporary);

        await _harness.RunUntilQuietAsync(cycle);

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal((DeliveryState.Accepted, IntakeHarness.Sha256Of(Content)), (delivery.State, delivery.Sha256));
    }

    [Fact]
    public async Task RunAsync_NameNotUtf8_RefusedOnceForThatReasonAndQuarantined()
    {
        var cycle = _harness.NewCycle();
        await cycle.RunAsync(null, CancellationToken.None);
        RawFile.Create(_harness.Paths.InboxFolder("justice"), "offenders_\\xff.csv", Content);

        await _harness.RunUntilQuietAsync(cycle);
        await _harness.RunUntilQuietAsync(cycle);

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal((DeliveryState.Refused, "offenders_\\xFF.csv"), (delivery.State, delivery.OriginalName));
        Assert.Equal([Intake.Scanning.DropNames.NotUtf8], delivery.Reasons);
        Assert.Equal(Content, await File.ReadAllTextAsync(delivery.QuarantinePath!, TestContext.Current.CancellationToken));
        Assert.Empty(Directory.GetFileSystemEntries(_harness.Paths.InboxFolder("justice")));
        Assert.Empty(_harness.Check.Checked);
    }

    [Theory]
    [InlineData("offenders_1.csv\n")]
    [InlineData("offenders_1\nDelivery 20260101T000000Z-00000000 from justice: accepted\n.csv")]
    [InlineData("offenders_\t1.csv")]
    [InlineData("offenders_\u001b[31m1.csv")]
    public async Task RunAsync_NameWithAControlCharacter_RefusedAndShownEscapedInTheReceipt(string name)
    {
        var cycle = _harness.NewCycle();
        await cycle.RunAsync(null, CancellationToken.None);
        _harness.Drop(name, Content);

        await _harness.RunUntilQuietAsync(cycle);

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal(DeliveryState.Refused, delivery.State);
        Assert.Equal([Intake.Scanning.DropNames.ControlCharacter], delivery.Reasons);
        Assert.Equal(Content, await File.ReadAllTextAsync(delivery.QuarantinePath!, TestContext.Current.CancellationToken));
        var receipt = await File.ReadAllLinesAsync(Path.Combine(_harness.Paths.ReceiptsFolder("justice"), Intake.Receipts.ReceiptNames.Text(delivery)), TestContext.Current.CancellationToken);
        Assert.Equal($"File:     {Intake.Scanning.DropNames.Escape(name)}", receipt[2]);
        Assert.Single(receipt, l => l.StartsWith("Delivery ", StringComparison.Ordinal));
        Assert.All(receipt.Concat(await File.ReadAllLinesAsync(Path.Combine(_harness.Paths.QuarantineFolder("justice"), delivery.Id + ".reason.txt"), TestContext.Current.CancellationToken)), l => Assert.DoesNotContain(l, c => char.IsControl(c)));
        Assert.Empty(_harness.Check.Checked);
    }

    [Fact]
    public async Task RunAsync_FileInASubFolder_RefusedWithAReceiptOnceQuietNotIgnored()
    {
        var cycle = _harness.NewCycle();
        await cycle.RunAsync(null, CancellationToken.None);
        Directory.CreateDirectory(_harness.DropPath("march"));
        _harness.Drop(Path.Combine("march", "offenders_1.csv"), Content);

        await cycle.RunAsync(null, CancellationToken.None);
        _harness.Time.Advance(Sources.Quiet);
        await cycle.RunAsync(null, CancellationToken.None);
        Assert.Empty(await _harness.DeliveriesAsync());

        await _harness.RunUntilQuietAsync(cycle);

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal((DeliveryState.Refused, "march/offenders_1.csv"), (delivery.State, delivery.OriginalName));
        Assert.Equal([Intake.Processing.RefusalRules.InSubFolder], delivery.Reasons);
        Assert.Equal(Content, await File.ReadAllTextAsync(delivery.QuarantinePath!, TestContext.Current.CancellationToken));
        Assert.True(File.Exists(Path.Combine(_harness.Paths.ReceiptsFolder("justice"), Intake.Receipts.ReceiptNames.Json(delivery))));
        Assert.Empty(Directory.GetFiles(_harness.DropPath("march")));
    }

    [Fact]
    public async Task RunAsync_SameContentDeliveredAgain_SecondIsDuplicateInQuarantineAndCheckedOnce()
    {
        var cycle = _harness.NewCycle();
        _harness.Drop("offenders_1.csv", Content);
        await _harness.RunUntilQuietAsync(cycle);
        _harness.Drop("offenders_1_again.csv", Content);
        await _harness.RunUntilQuietAsync(cycle);

        var deliveries = await _harness.DeliveriesAsync();
        var duplicate = deliveries.Single(d => d.State == DeliveryState.Duplicate);
        var original = deliveries.Single(d => d.State == DeliveryState.Accepted);
        Assert.Equal(original.Id, duplicate.DuplicateOf);
        Assert.Single(_harness.Check.Checked);
        Assert.Equal(Content, await File.ReadAllTextAsync(duplicate.QuarantinePath!, TestContext.Current.CancellationToken));
        Assert.False(File.Exists(StoreFiles.Delivery(_harness.Paths, duplicate.Source, duplicate.Id, duplicate.OriginalName)));
        var receipt = await File.ReadAllTextAsync(Path.Combine(_harness.Paths.ReceiptsFolder("justice"), Intake.Receipts.ReceiptNames.Text(duplicate)), TestContext.Current.CancellationToken);
        Assert.Contains($"Same content as delivery {original.Id}", receipt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CheckRejects_DeliveryMovesWholeToQuarantineAndReceiptCarriesReasonsAndReport()
    {
        _harness.Check.Result = new DeliveryCheckResult
        {
            Accepted = false,
            Reasons = ["row 2, field 'dob': not a date"],
            Report = new JsonObject { ["invalidRows"] = 1 },
            Summary = "1 row invalid.",
        };
        _harness.Drop("offenders_1.csv", Content);

        await _harness.RunUntilQuietAsync(_harness.NewCycle());

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal(DeliveryState.Rejected, delivery.State);
        Assert.Equal(["row 2, field 'dob': not a date"], delivery.Reasons);
        Assert.Equal(Content, await File.ReadAllTextAsync(delivery.QuarantinePath!, TestContext.Current.CancellationToken));
        Assert.False(File.Exists(StoreFiles.Delivery(_harness.Paths, delivery.Source, delivery.Id, delivery.OriginalName)));
        var receipts = _harness.Paths.ReceiptsFolder("justice");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(receipts, Intake.Receipts.ReceiptNames.Json(delivery)), TestContext.Current.CancellationToken))!;
        Assert.Equal("rejected", (string?)json["outcome"]);
        Assert.Equal(1, (int?)json["report"]!["invalidRows"]);
        Assert.Contains("1 row invalid.", await File.ReadAllTextAsync(Path.Combine(receipts, Intake.Receipts.ReceiptNames.Text(delivery)), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CheckSetsRowsAside_AcceptedWithExcludedFileBesideTheStoredCopy()
    {
        _harness.Check.Result = new DeliveryCheckResult { Accepted = true, SetAsideRows = [new SetAsideRow(3, 0xabc), new SetAsideRow(7, UInt128.MaxValue)] };
        _harness.Drop("offenders_1.csv", Content);

        await _harness.RunUntilQuietAsync(_harness.NewCycle());

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal(2, delivery.SetAsideRows);
        var kept = await SetAsideRows.ReadAsync(Path.Combine(_harness.Paths.StoreFolder("justice"), delivery.Id + ".excluded"), TestContext.Current.CancellationToken);
        Assert.Equal(2, kept.Count);
        Assert.True(kept.TryGet(3, out var third) && third == 0xabc);
        Assert.True(kept.TryGet(7, out var seventh) && seventh == UInt128.MaxValue);
    }

    [Fact]
    public async Task RunAsync_MarkerSignal_WaitsForTheMarkerThenRemovesIt()
    {
        using var harness = new IntakeHarness(Sources.Justice(CompletionSignal.Marker));
        harness.Drop("offenders_1.csv", Content);
        var cycle = harness.NewCycle();
        await harness.RunUntilQuietAsync(cycle);
        Assert.Empty(await harness.DeliveriesAsync());

        harness.Drop("offenders_1.csv.done", "");
        await cycle.RunAsync(null, CancellationToken.None);

        Assert.Equal(DeliveryState.Accepted, Assert.Single(await harness.DeliveriesAsync()).State);
        Assert.Empty(Directory.GetFileSystemEntries(harness.Paths.InboxFolder("justice")));
    }

    [Fact]
    public async Task RunAsync_MarkerOlderThanTheFilesLastChange_DoesNotCountUntilWrittenAgain()
    {
        using var harness = new IntakeHarness(Sources.Justice(CompletionSignal.Marker));
        var cycle = harness.NewCycle();
        await cycle.RunAsync(null, CancellationToken.None);
        var marker = harness.Drop("offenders_1.csv.done", "");
        var file = harness.Drop("offenders_1.csv", Content);
        File.SetLastWriteTimeUtc(marker, File.GetLastWriteTimeUtc(file).AddSeconds(-1));

        await harness.RunUntilQuietAsync(cycle);
        Assert.Empty(await harness.DeliveriesAsync());

        harness.Drop("offenders_1.csv.done", "");
        File.SetLastWriteTimeUtc(marker, File.GetLastWriteTimeUtc(file).AddSeconds(1));
        await harness.RunUntilQuietAsync(cycle);
        Assert.Equal(DeliveryState.Accepted, Assert.Single(await harness.DeliveriesAsync()).State);
    }

    [Fact]
    public async Task RunAsync_MarkerIsALinkToAFreshFile_DoesNotCountAndTheLinkAloneIsRemoved()
    {
        using var harness = new IntakeHarness(Sources.Justice(CompletionSignal.Marker));
        var cycle = harness.NewCycle();
        await cycle.RunAsync(null, CancellationToken.None);
        var half = harness.Drop("offenders_1.csv", "id,surname\n1,OKONKWO\n");
        var fresh = Path.Combine(harness.Paths.WorkRoot, "intake-fresh.json");
        File.WriteAllText(fresh, "{}");
        File.SetLastWriteTimeUtc(fresh, File.GetLastWriteTimeUtc(half).AddMinutes(1));
        File.CreateSymbolicLink(harness.DropPath("offenders_1.csv.done"), fresh);

        await harness.RunUntilQuietAsync(cycle);

        Assert.Empty(await harness.DeliveriesAsync());
        Assert.False(File.Exists(harness.DropPath("offenders_1.csv.done")) || new FileInfo(harness.DropPath("offenders_1.csv.done")).LinkTarget is not null);
        Assert.Equal("{}", File.ReadAllText(fresh));
    }

    [Fact]
    public async Task RunAsync_MarkerWithAnotherName_DoesNotCountUntilItHasOneThenTheDeliveryIsTaken()
    {
        // What an sftp-server rename of a marker uploaded under a temporary name looks like for an instant: two names.
        using var harness = new IntakeHarness(Sources.Justice(CompletionSignal.Marker));
        var cycle = harness.NewCycle();
        await cycle.RunAsync(null, CancellationToken.None);
        var delivered = harness.Drop("offenders_1.csv", "id,surname\n1,OKONKWO\n");
        var temporary = ElsewhereOnTheSameFileSystem(harness, "");
        File.SetLastWriteTimeUtc(temporary, File.GetLastWriteTimeUtc(delivered).AddMinutes(1));
        HardLink.Create(temporary, harness.DropPath("offenders_1.csv.done"));

        await harness.RunUntilQuietAsync(cycle);
        Assert.Empty(await harness.DeliveriesAsync());
        Assert.True(File.Exists(harness.DropPath("offenders_1.csv.done")));
        Assert.Equal("", File.ReadAllText(temporary));

        File.Delete(temporary);
        await cycle.RunAsync(null, CancellationToken.None);

        Assert.Equal(DeliveryState.Accepted, Assert.Single(await harness.DeliveriesAsync()).State);
        Assert.False(File.Exists(harness.DropPath("offenders_1.csv.done")));
    }

    [Theory]
    [InlineData("offenders_\t1.csv")]
    [InlineData("offenders_1\n.csv")]
    public async Task RunAsync_NameWithAControlCharacterUnderTheMarkerSignal_RefusedWithoutWaitingForAMarker(string name)
    {
        using var harness = new IntakeHarness(Sources.Justice(CompletionSignal.Marker));
        var cycle = harness.NewCycle();
        await cycle.RunAsync(null, CancellationToken.None);
        harness.Drop(name, Content);

        await harness.RunUntilQuietAsync(cycle);

        var delivery = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal(DeliveryState.Refused, delivery.State);
        Assert.Equal([Intake.Scanning.DropNames.ControlCharacter], delivery.Reasons);
    }

    [Fact]
    public async Task RunAsync_RefusedDeliveryWithItsMarker_MarkerConsumedSoTheNextUploadIsNotTakenHalfWritten()
    {
        using var harness = new IntakeHarness(Sources.Justice(CompletionSignal.Marker, maxBytes: 40));
        var cycle = harness.NewCycle();
        await cycle.RunAsync(null, CancellationToken.None);
        harness.Drop("offenders_1.csv", Content + "2,OKONKWO\n3,PEMBERTON\n");
        harness.Drop("offenders_1.csv.done", "");
        await harness.RunUntilQuietAsync(cycle);
        Assert.Equal(DeliveryState.Refused, Assert.Single(await harness.DeliveriesAsync()).State);
        Assert.False(File.Exists(harness.DropPath("offenders_1.csv.done")));

        // The department uploads again; the first half arrives, then the link stalls.
        var half = harness.Drop("offenders_1.csv", "id,surname\n");
        File.SetLastWriteTimeUtc(half, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        await harness.RunUntilQuietAsync(cycle);

        Assert.Single(await harness.DeliveriesAsync());
    }

    [Theory]
    [InlineData(true, DeliveryState.Accepted)]
    [InlineData(false, DeliveryState.Refused)]
    public async Task RunAsync_ChecksumSidecar_VerifiedAgainstTheCopy(bool matching, DeliveryState expected)
    {
        using var harness = new IntakeHarness(Sources.Justice(CompletionSignal.Checksum));
        harness.Drop("offenders_1.csv", Content);
        var digest = matching ? IntakeHarness.Sha256Of(Content) : IntakeHarness.Sha256Of("other");
        harness.Drop("offenders_1.csv.sha256", $"{digest}  offenders_1.csv\n");

        await harness.RunUntilQuietAsync(harness.NewCycle());

        var delivery = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal(expected, delivery.State);
        Assert.Equal(matching ? [] : [Intake.Processing.DeliveryIntake.ChecksumMismatch], delivery.Reasons);
    }

    [Fact]
    public async Task RunAsync_ChecksumSidecarCreatedButNotYetWritten_WaitsForItsDigest()
    {
        using var harness = new IntakeHarness(Sources.Justice(CompletionSignal.Checksum));
        harness.Drop("offenders_1.csv", Content);
        harness.Drop("offenders_1.csv.sha256", "");
        var cycle = harness.NewCycle();
        await harness.RunUntilQuietAsync(cycle);
        Assert.Empty(await harness.DeliveriesAsync());

        harness.Drop("offenders_1.csv.sha256", $"{IntakeHarness.Sha256Of(Content)}  offenders_1.csv\n");
        await cycle.RunAsync(null, CancellationToken.None);

        Assert.Equal(DeliveryState.Accepted, Assert.Single(await harness.DeliveriesAsync()).State);
    }

    [Fact]
    public async Task RunAsync_ChecksumSidecarIsALink_LinkNotFollowedAndDeliveryRefused()
    {
        using var harness = new IntakeHarness(Sources.Justice(CompletionSignal.Checksum));
        harness.Drop("offenders_1.csv", Content);
        var outside = Path.Combine(harness.Paths.WorkRoot, "digest.txt");
        Directory.CreateDirectory(harness.Paths.WorkRoot);
        await File.WriteAllTextAsync(outside, IntakeHarness.Sha256Of(Content), TestContext.Current.CancellationToken);
        File.CreateSymbolicLink(harness.DropPath("offenders_1.csv.sha256"), outside);

        await harness.RunUntilQuietAsync(harness.NewCycle());

        var delivery = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal([Intake.Processing.DeliveryIntake.ChecksumUnreadable], delivery.Reasons);
        Assert.Equal(DeliveryState.Refused, delivery.State);
    }

    [Fact]
    public async Task RunAsync_ChecksumSidecarIsAHardLink_NotReadAndDeliveryRefused()
    {
        using var harness = new IntakeHarness(Sources.Justice(CompletionSignal.Checksum));
        harness.Drop("offenders_1.csv", Content);
        var digest = IntakeHarness.Sha256Of(Content);
        var elsewhere = ElsewhereOnTheSameFileSystem(harness, digest);
        HardLink.Create(elsewhere, harness.DropPath("offenders_1.csv.sha256"));

        await harness.RunUntilQuietAsync(harness.NewCycle());

        var delivery = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal([Intake.Processing.DeliveryIntake.ChecksumUnreadable], delivery.Reasons);
        Assert.Equal(DeliveryState.Refused, delivery.State);
        Assert.False(File.Exists(harness.DropPath("offenders_1.csv.sha256")));
        Assert.Equal(digest, File.ReadAllText(elsewhere));
    }

    [Fact]
    public async Task RunAsync_CheckTimesOutOnItsOwn_PassGoesOnAndTheDeliveryIsRetried()
    {
        var timingOut = new ThrowingCheck(() => new TaskCanceledException("The check timed out."));
        _harness.Drop("offenders_1.csv", Content);
        _harness.Drop("offenders_2.csv", Content + "2,OKONKWO\n");
        var cycle = _harness.NewCycle(check: timingOut);

        await _harness.RunUntilQuietAsync(cycle);
        Assert.Equal([DeliveryState.Stored, DeliveryState.Stored], (await _harness.DeliveriesAsync()).Select(d => d.State));

        timingOut.Fails = false;
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        await cycle.RunAsync(null, CancellationToken.None);
        Assert.All(await _harness.DeliveriesAsync(), d => Assert.Equal(DeliveryState.Accepted, d.State));
    }

    [Fact]
    public async Task RunAsync_AnyDelivery_NoDataValueInLogsReceiptsOrLedgerReasons()
    {
        _harness.Check.Result = DeliveryCheckResult.Reject("row 2, field 'surname': too long");
        _harness.Drop("offenders_1.csv", Content);
        _harness.Drop("wrong_name.csv", Content + "3,PEMBERTON\n");

        await _harness.RunUntilQuietAsync(_harness.NewCycle());

        Assert.Equal(2, (await _harness.DeliveriesAsync()).Count);
        var receipts = Directory.GetFiles(_harness.Paths.ReceiptsFolder("justice")).Select(File.ReadAllText);
        foreach (var text in receipts.Concat(_harness.Logs.Lines))
        {
            Assert.DoesNotContain("HARGREAVES", text, StringComparison.Ordinal);
            Assert.DoesNotContain("PEMBERTON", text, StringComparison.Ordinal);
        }
    }

    /// <summary>A file outside the drop folders, on the file system they are on, that a department could read.</summary>
    private static string ElsewhereOnTheSameFileSystem(IntakeHarness harness, string content)
    {
        Directory.CreateDirectory(harness.Paths.WorkRoot);
        var path = Path.Combine(harness.Paths.WorkRoot, "elsewhere.csv");
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The refused hard link left no name in the drop folder, the store, staging or quarantine, and its other name is untouched.</summary>
    private static async Task AssertNothingOfItKeptAsync(IntakeHarness harness, Delivery delivery, string otherName, string content)
    {
        Assert.False(File.Exists(harness.DropPath(delivery.OriginalName)));
        Assert.Equal([delivery.Id + ".reason.txt"], IntakeHarness.FilesIn(harness.Paths.QuarantineFolder("justice")));
        Assert.Empty(IntakeHarness.FilesIn(harness.Paths.StoreFolder("justice")));
        Assert.Empty(IntakeHarness.FilesIn(harness.Paths.StagingRoot));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(content), await File.ReadAllBytesAsync(otherName, TestContext.Current.CancellationToken));
        Assert.Empty(harness.Check.Checked);
    }
}
