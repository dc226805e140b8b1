using LinkService.Intake.Processing;
using LinkService.Intake.Tests.Support;
using LinkService.Ledger.Deliveries;
using Renci.SshNet;

namespace LinkService.Intake.Tests.Sftp;

/// <summary>A department uploading over SFTP to a real, chrooted OpenSSH server while intake runs as the service does.</summary>
[Collection(SshdFixture.Collection)]
public sealed class SftpUploadTests : IClassFixture<SshdFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly SshdFixture _sshd;
    private readonly IntakeHarness _harness;
    private readonly SftpClient _department;
    private RunningIntake? _intake;

    public SftpUploadTests(SshdFixture sshd)
    {
        _sshd = sshd;
        _harness = new IntakeHarness(sshd.DropRoot, Sources.Justice(quiet: Quiet));
        _department = sshd.NewDepartmentClient();
    }

    public async ValueTask InitializeAsync()
    {
        await _department.ConnectAsync(TestContext.Current.CancellationToken);
        _intake = await RunningIntake.StartAsync(_harness, _harness.Check);
    }

    // xunit.v3 calls only DisposeAsync on a class that has both, so everything is released here.
    public async ValueTask DisposeAsync()
    {
        _department.Disconnect();
        if (_intake is not null)
        {
            await _intake.DisposeAsync();
        }

        _sshd.ClearDepartmentFolders();
        _department.Dispose();
        _harness.Dispose();
    }

    [Fact]
    public async Task Upload_SlowInChunks_IsNotTakenBeforeTheUploadEnds()
    {
        var chunk = new byte[64 * 1024];
        using var content = new MemoryStream();
        await using (var upload = await _department.OpenAsync("offenders_slow.csv", FileMode.CreateNew, FileAccess.Write, CancellationToken.None))
        {
            // Pauses a tenth of the quiet period (a loaded machine stretches them), adding up to more than that period.
            for (var i = 0; i < 16; i++)
            {
                Array.Fill(chunk, (byte)('a' + i));
                chunk[^1] = (byte)'\n';
                await upload.WriteAsync(chunk, TestContext.Current.CancellationToken);
                await upload.FlushAsync(TestContext.Current.CancellationToken);
                content.Write(chunk);
                await Task.Delay(Quiet / 10, TestContext.Current.CancellationToken);
                Assert.Empty(await _harness.DeliveriesAsync());
            }
        }

        Assert.True(await Eventually.TrueAsync(async () => (await SettledAsync()).Count == 1, Timeout), _sshd.ServerLog);
        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal((DeliveryState.Accepted, content.Length), (delivery.State, delivery.Bytes!.Value));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content.ToArray())), delivery.Sha256);
    }

    [Fact]
    public async Task Upload_StallsLongerThanTheQuietPeriodWithTheFileOpen_OnlyTheWholeFileIsEverAccepted()
    {
        var rows = Enumerable.Range(1, 2_000).Select(i => $"{i},SURNAME{i}\n").ToList();
        var whole = System.Text.Encoding.UTF8.GetBytes("id,surname\n" + string.Concat(rows));
        var firstHalf = System.Text.Encoding.UTF8.GetByteCount("id,surname\n" + string.Concat(rows.Take(1_000)));
        await using (var upload = await _department.OpenAsync("offenders_stall.csv", FileMode.CreateNew, FileAccess.Write, CancellationToken.None))
        {
            await upload.WriteAsync(whole.AsMemory(0, firstHalf), TestContext.Current.CancellationToken);
            await upload.FlushAsync(TestContext.Current.CancellationToken);

            // The link stalls at a row boundary: a file uploaded after the stall began is quiet, scanned and settled
            // (refused) before the upload goes on, so the half file was quiet for the period too.
            await UntilIntakeHasSeenTheFolderQuietAsync("sentinel-stall.txt");
            Assert.DoesNotContain(await _harness.DeliveriesAsync(), d => d.OriginalName == "offenders_stall.csv");

            await upload.WriteAsync(whole.AsMemory(firstHalf), TestContext.Current.CancellationToken);
        }

        Assert.True(
            await Eventually.TrueAsync(async () => (await SettledAsync()).Any(d => d.OriginalName == "offenders_stall.csv"), Timeout),
            _sshd.ServerLog);
        var delivery = Assert.Single(await _harness.DeliveriesAsync(), d => d.OriginalName == "offenders_stall.csv");
        Assert.Equal((DeliveryState.Accepted, whole.Length), (delivery.State, delivery.Bytes!.Value));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(whole)), delivery.Sha256);
    }

    [Fact]
    public async Task Upload_UnderTemporaryNameThenRenamed_IsTakenOnceAfterTheRename()
    {
        const string Content = "id,surname\n1,HARGREAVES\n";
        _department.WriteAllText("offenders_2.csv.filepart", Content);
        await UntilIntakeHasSeenTheFolderQuietAsync("sentinel-1.txt");
        Assert.DoesNotContain(await _harness.DeliveriesAsync(), d => d.OriginalName.StartsWith("offenders_2", StringComparison.Ordinal));

        _department.RenameFile("offenders_2.csv.filepart", "offenders_2.csv");

        // Taken in its own time: under load the rename's events can reach intake a scan after a file written later
        // (seen, meanwhile, as one whose writer is unknown), so a later sentinel's settling does not mean this one's.
        Assert.True(
            await Eventually.TrueAsync(async () => (await SettledAsync()).Any(d => d.OriginalName == "offenders_2.csv"), Timeout),
            _sshd.ServerLog);
        await UntilIntakeHasSeenTheFolderQuietAsync("sentinel-2.txt");

        var delivery = Assert.Single(await _harness.DeliveriesAsync(), d => d.OriginalName.StartsWith("offenders_2", StringComparison.Ordinal));
        Assert.Equal(("offenders_2.csv", DeliveryState.Accepted), (delivery.OriginalName, delivery.State));
        Assert.Equal(IntakeHarness.Sha256Of(Content), delivery.Sha256);
        Assert.Single(_harness.Check.Checked);
    }

    [Fact]
    public async Task Upload_SymbolicLinkOutOfTheChroot_IsRefusedRemovedAndNeverFollowedOrKept()
    {
        _department.SymbolicLink("/etc/passwd", "offenders_3.csv");

        Assert.True(await Eventually.TrueAsync(async () => (await SettledAsync()).Count == 1, Timeout), _sshd.ServerLog);
        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal((DeliveryState.Refused, null), (delivery.State, delivery.Sha256));
        Assert.Equal([RefusalRules.Link], delivery.Reasons);
        Assert.False(_department.Exists("offenders_3.csv"));
        Assert.Null(new FileInfo(delivery.QuarantinePath!).LinkTarget);
        Assert.Empty(_harness.Check.Checked);
        Assert.Contains("symbolic link", _department.ReadAllText($"/outbox/{Intake.Receipts.ReceiptNames.Text(delivery)}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_HardLinkMadeOverSftp_IsRefusedAndOnlyItsInboxNameRemoved()
    {
        // A file of the department's elsewhere in its chroot, outside the inbox: with fs.protected_hardlinks, the kernel
        // lets an account link only files it owns or may read and write.
        const string Content = "id,surname\n1,HARGREAVES\n";
        var elsewhere = Path.Combine(_sshd.Chroot, "elsewhere.csv");
        await File.WriteAllTextAsync(elsewhere, Content, TestContext.Current.CancellationToken);
        try
        {
            await SshdFixture.GiveToDepartmentAsync(elsewhere);
            await _sshd.SftpBatchAsync("ln /elsewhere.csv /inbox/offenders_4.csv\n");

            Assert.True(await Eventually.TrueAsync(async () => (await SettledAsync()).Count == 1, Timeout), _sshd.ServerLog);
            var delivery = Assert.Single(await _harness.DeliveriesAsync());
            Assert.Equal((DeliveryState.Refused, null), (delivery.State, delivery.Sha256));
            Assert.Equal([RefusalRules.HardLink], delivery.Reasons);
            Assert.False(_department.Exists("offenders_4.csv"));
            Assert.False(File.Exists(delivery.QuarantinePath!));
            Assert.Empty(_harness.Check.Checked);
            Assert.Equal(Content, await File.ReadAllTextAsync(elsewhere, TestContext.Current.CancellationToken));
            Assert.Contains("hard link", _department.ReadAllText($"/outbox/{Intake.Receipts.ReceiptNames.Text(delivery)}"), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(elsewhere);
        }
    }

    [Fact]
    public void Connect_DepartmentAccount_SeesOnlyItsInboxAndOutboxInsideTheChroot()
    {
        var root = _department.ListDirectory("/").Select(f => f.Name).Where(n => n is not "." and not "..").Order(StringComparer.Ordinal);

        Assert.Equal(["inbox", "outbox"], root);
        Assert.Equal("/inbox", _department.WorkingDirectory);
    }

    /// <summary>
    /// Uploads a file intake must refuse, after everything else, and waits for its receipt: by then every file
    /// uploaded before it has been quiet for the period and seen by a scan.
    /// </summary>
    private async Task UntilIntakeHasSeenTheFolderQuietAsync(string sentinel)
    {
        _department.WriteAllText(sentinel, "not a delivery");
        Assert.True(
            await Eventually.TrueAsync(async () => (await SettledAsync()).Any(d => d.OriginalName == sentinel), Timeout),
            _sshd.ServerLog);
    }

    private async Task<List<Delivery>> SettledAsync() =>
        [.. (await _harness.DeliveriesAsync()).Where(d => d.SettledAt is not null)];
}
