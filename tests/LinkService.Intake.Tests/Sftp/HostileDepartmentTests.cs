using System.Security.Cryptography;
using LinkService.Configuration.Keys;
using LinkService.Configuration.Sources;
using LinkService.Intake.Processing;
using LinkService.Intake.Receipts;
using LinkService.Intake.Tests.Support;
using LinkService.Ledger.Deliveries;
using Renci.SshNet;

namespace LinkService.Intake.Tests.Sftp;

/// <summary>
/// A department that attacks the service through its own SFTP account (a real account, chrooted by a real sshd, so the
/// kernel's permissions decide what it may do): links and folders planted in every place it can reach, at every moment
/// of an intake. After each attack nothing outside the department's own upload folder changed (the master key, the
/// ledger, another department's store and folders, the work area), no link the department made reached the work
/// area, and the service still takes a good delivery.
/// </summary>
[Collection(SshdFixture.Collection)]
public sealed class HostileDepartmentTests : IClassFixture<SshdFixture>, IAsyncLifetime
{
    private const string Delivery = "offenders_1.csv";
    private const string Good = "offenders_9.csv";

    private readonly SshdFixture _sshd;
    private readonly SftpClient _sftp;
    private readonly HostileDepartment _department;
    private IntakeHarness? _harness;

    public HostileDepartmentTests(SshdFixture sshd)
    {
        _sshd = sshd;
        _sftp = sshd.NewDepartmentClient();
        _department = new HostileDepartment(_sftp);
    }

    /// <summary>The moments of one intake at which the department acts.</summary>
    public enum Moment
    {
        BeforeUpload,
        AfterUpload,
        AfterFirstScan,
        DuringCheck,
        AfterSettled,
    }

    public static TheoryData<string, Moment> Attacks
    {
        get
        {
            var data = new TheoryData<string, Moment>();
            foreach (var plant in Plants.Keys)
            {
                foreach (var moment in Enum.GetValues<Moment>())
                {
                    data.Add(plant, moment);
                }
            }

            return data;
        }
    }

    /// <summary>What the department plants, and which completion rule makes the service look at that name.</summary>
    private static Dictionary<string, (CompletionSignal Signal, Action<Attack> Act)> Plants => new()
    {
        ["delivery: link to master.key"] = (CompletionSignal.Quiet, a => a.Department.TryReplaceWithLink(a.Department.InHome(Delivery), a.MasterKey)),
        ["delivery: link to the ledger"] = (CompletionSignal.Quiet, a => a.Department.TryReplaceWithLink(a.Department.InHome(Delivery), a.Ledger)),
        ["delivery: link to another department's store copy"] = (CompletionSignal.Quiet, a => a.Department.TryReplaceWithLink(a.Department.InHome(Delivery), a.OtherStoreCopy)),
        ["delivery: folder"] = (CompletionSignal.Quiet, a => a.Department.TryReplaceWithFolder(a.Department.InHome(Delivery))),
        ["delivery: sub-folder with a link"] = (CompletionSignal.Quiet, a =>
        {
            a.Department.TryCreateFolder(a.Department.InHome("sub"));
            a.Department.TryLink(a.Department.InHome("sub/" + Delivery), a.MasterKey);
        }),
        ["marker: link to master.key"] = (CompletionSignal.Marker, a => a.Department.TryReplaceWithLink(a.Department.InHome(Delivery + ".done"), a.MasterKey)),
        ["marker: folder"] = (CompletionSignal.Marker, a => a.Department.TryReplaceWithFolder(a.Department.InHome(Delivery + ".done"))),
        ["sidecar: link to master.key"] = (CompletionSignal.Checksum, a => a.Department.TryReplaceWithLink(a.Department.InHome(Delivery + ".sha256"), a.MasterKey)),
        ["sidecar: folder"] = (CompletionSignal.Checksum, a => a.Department.TryReplaceWithFolder(a.Department.InHome(Delivery + ".sha256"))),
        ["receipt names: links to master.key"] = (CompletionSignal.Quiet, a => a.LinkReceiptNames(a.ReceiptFolder, a.MasterKey)),
        ["receipts folder: renamed, replaced by a folder of links to master.key"] = (CompletionSignal.Quiet, a => a.ReplaceReceiptFolderWithLinksTo(a.MasterKey)),
        ["receipts folder: renamed, replaced by a folder of links to the ledger"] = (CompletionSignal.Quiet, a => a.ReplaceReceiptFolderWithLinksTo(a.Ledger)),
        ["receipts folder: renamed, replaced by a folder of links to another department's store copy"] = (CompletionSignal.Quiet, a => a.ReplaceReceiptFolderWithLinksTo(a.OtherStoreCopy)),
        ["receipts folder: replaced by a link to the keys folder"] = (CompletionSignal.Quiet, a =>
        {
            a.Department.TryRename(a.ReceiptFolder, a.ReceiptFolder + ".old");
            a.Department.TryLink(a.ReceiptFolder, a.KeysFolder);
        }),
    };

    public async ValueTask InitializeAsync()
    {
        await _sftp.ConnectAsync(TestContext.Current.CancellationToken);
        _sshd.ClearDepartmentFolders();
    }

    // xunit.v3 calls only DisposeAsync on a class that has both, so everything is released here.
    public ValueTask DisposeAsync()
    {
        _sftp.Disconnect();
        _sshd.ClearDepartmentFolders();
        _sftp.Dispose();
        _harness?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Layout_Department_CanRenameReplaceOrWriteNothingButItsInbox()
    {
        _harness = new IntakeHarness(_sshd.DropRoot, Sources.Justice(), Sources.Welfare());
        var check = new GatedCheck();
        var attack = await PrepareAsync(CompletionSignal.Quiet, _harness.NewCycle(check: check), check);

        Assert.Equal("/outbox", attack.ReceiptFolder);
        Assert.False(_department.TryRename("/outbox", "/outbox.old"));
        Assert.False(_department.TryRename("/inbox", "/inbox.old"));
        Assert.False(_department.TryCreateFolder("/mine"));
        Assert.False(_department.TryLink("/elsewhere", _harness.Paths.WorkRoot));
        Assert.False(_department.TryDelete($"/outbox/{ReceiptNames.Json(attack.KnownName, attack.KnownId)}"));
        Assert.False(_department.TryRename($"/outbox/{ReceiptNames.Json(attack.KnownName, attack.KnownId)}", "/inbox/taken.json"));
        Assert.False(_department.TryLink("/outbox/planted", attack.MasterKey));
        Assert.False(_department.TryCreateFolder("/outbox/planted"));
        Assert.Throws<Renci.SshNet.Common.SftpPermissionDeniedException>(() => _sftp.WriteAllText("/outbox/planted.json", "{}"));
        Assert.Contains("accepted", _sftp.ReadAllText($"/outbox/{ReceiptNames.Text(attack.KnownName, attack.KnownId)}"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Intake_DepartmentPlantsAtAnyMoment_NothingOutsideItsInboxChangesAndServiceKeepsWorking(string plant, Moment moment)
    {
        var (signal, act) = Plants[plant];
        await AttackAsync(signal, moment, act);
    }

    // The probes, each by name: the service's receipts folder renamed and replaced while a delivery is checked.
    [Fact]
    public Task Receipts_ReplacedByFolderOfLinksToMasterKey_MasterKeyUnchanged() =>
        AttackAsync(CompletionSignal.Quiet, Moment.DuringCheck, a => a.ReplaceReceiptFolderWithLinksTo(a.MasterKey));

    [Fact]
    public Task Receipts_ReplacedByFolderOfLinksToTheLedger_LedgerUnchanged() =>
        AttackAsync(CompletionSignal.Quiet, Moment.DuringCheck, a => a.ReplaceReceiptFolderWithLinksTo(a.Ledger));

    [Fact]
    public Task Receipts_ReplacedByFolderOfLinksToAnotherDepartmentsStoreCopy_StoreCopyUnchanged() =>
        AttackAsync(CompletionSignal.Quiet, Moment.DuringCheck, a => a.ReplaceReceiptFolderWithLinksTo(a.OtherStoreCopy));

    private async Task AttackAsync(CompletionSignal signal, Moment moment, Action<Attack> act)
    {
        var check = new GatedCheck();
        _harness = new IntakeHarness(_sshd.DropRoot, Sources.Justice(signal), Sources.Welfare());
        var cycle = _harness.NewCycle(check: check);
        var attack = await PrepareAsync(signal, cycle, check);
        var work = FolderSnapshot.Take(_harness.Paths.WorkRoot);
        var welfare = FolderSnapshot.Take(_harness.Paths.DropFolder("welfare"));

        await IntakeOnceAsync(signal, cycle, check, moment, attack, act);

        await AssertNothingOutsideTheInboxChangedAsync(attack, work, welfare);
        await DeliverAsync(signal, cycle, Good);
        var good = Assert.Single(await _harness.DeliveriesAsync(), d => d.OriginalName == Good);
        Assert.Equal(DeliveryState.Accepted, good.State);
    }

    /// <summary>The secrets the attack aims at, and a first good delivery whose receipt shows the department where receipts go.</summary>
    private async Task<Attack> PrepareAsync(CompletionSignal signal, IntakeCycle cycle, GatedCheck check)
    {
        var paths = _harness!.Paths;
        Directory.CreateDirectory(paths.KeysFolder);
        var masterKey = Path.Combine(paths.KeysFolder, "master.key");
        MasterKeyFile.TryCreate(masterKey); // The harness made it already, as the service would: the ledger's chain is keyed from it.
        Directory.CreateDirectory(paths.StoreFolder("welfare"));
        Directory.CreateDirectory(paths.StoreFolder("justice"));
        Directory.CreateDirectory(paths.QuarantineFolder("justice"));
        var otherStoreCopy = Path.Combine(paths.StoreFolder("welfare"), "20261101T000000Z-0000aaaa.csv");
        await File.WriteAllTextAsync(otherStoreCopy, "claim_ref,last_name\nW1,OKONKWO\n");

        check.Release();
        await DeliverAsync(signal, cycle, "offenders_0.csv");
        var first = Assert.Single(await _harness.DeliveriesAsync(), d => d.OriginalName == "offenders_0.csv");
        Assert.Equal(DeliveryState.Accepted, first.State);
        var receipts = _department.FindFolderHolding(ReceiptNames.Json(first));
        Assert.NotNull(receipts);
        check.Rearm();
        return new Attack(_department, masterKey, paths.LedgerFile, otherStoreCopy, paths.KeysFolder, receipts, first.Id, first.OriginalName);
    }

    /// <summary>One delivery from upload to settled, with the department acting at <paramref name="moment"/>, then intake runs until nothing is left.</summary>
    private async Task IntakeOnceAsync(CompletionSignal signal, IntakeCycle cycle, GatedCheck check, Moment moment, Attack attack, Action<Attack> act)
    {
        var harness = _harness!;
        ActAt(Moment.BeforeUpload);
        Upload(signal, Delivery);
        ActAt(Moment.AfterUpload);
        await cycle.RunAsync(null, CancellationToken.None);
        ActAt(Moment.AfterFirstScan);
        harness.Time.Advance(harness.Source.Completion.QuietPeriod);
        var run = cycle.RunAsync(null, CancellationToken.None);
        var entered = await Task.WhenAny(run, check.Entered) == check.Entered;
        if (moment == Moment.DuringCheck)
        {
            // The department has read the delivery's id from its "received" receipt.
            attack.CurrentId = entered ? (await check.Entered).DeliveryId : null;
            attack.CurrentName = Delivery;
            act(attack);
        }

        check.Release();
        await run.WaitAsync(TimeSpan.FromMinutes(1));
        ActAt(Moment.AfterSettled);
        for (var pass = 0; pass < 3; pass++)
        {
            await cycle.RunAsync(null, CancellationToken.None);
            harness.Time.Advance(harness.Source.Completion.QuietPeriod);
        }

        void ActAt(Moment now)
        {
            if (now == moment)
            {
                act(attack);
            }
        }
    }

    private async Task DeliverAsync(CompletionSignal signal, IntakeCycle cycle, string name)
    {
        Upload(signal, name);
        await _harness!.RunUntilQuietAsync(cycle);
    }

    /// <summary>Uploads a delivery and what its completion rule waits for; a name the department itself blocked fails quietly, as it would for the department.</summary>
    private void Upload(CompletionSignal signal, string name)
    {
        // Each delivery different, so that none is a duplicate of another.
        var content = "id,surname\n1,HARGREAVES\n" + name + "\n";
        try
        {
            _department.Upload(name, content);
            if (signal == CompletionSignal.Marker)
            {
                _department.Upload(name + ".done", "");
            }
            else if (signal == CompletionSignal.Checksum)
            {
                _department.Upload(name + ".sha256", IntakeHarness.Sha256Of(content) + "  " + name + "\n");
            }
        }
        catch (Exception exception) when (exception is Renci.SshNet.Common.SftpPathNotFoundException or Renci.SshNet.Common.SshException)
        {
        }
    }

    private async Task AssertNothingOutsideTheInboxChangedAsync(Attack attack, FolderSnapshot workBefore, FolderSnapshot welfareBefore)
    {
        var paths = _harness!.Paths;
        var work = FolderSnapshot.Take(paths.WorkRoot);
        Assert.Empty(work.Links);
        // The ledger and the anchor file of its chain's head change with every delivery; the list of what intake
        // waits for (its own file) with every pass.
        string[] serviceFiles = ["ledger.db", "ledger.anchor", Path.GetFileName(paths.IntakeWaitingFile)];
        Assert.DoesNotContain(work.ChangedSince(workBefore), e => !serviceFiles.Any(l => e.StartsWith(l, StringComparison.Ordinal)));
        string[] allowed = [Path.Combine("store", "justice") + Path.DirectorySeparatorChar, Path.Combine("quarantine", "justice") + Path.DirectorySeparatorChar, .. serviceFiles];
        Assert.DoesNotContain(work.AddedSince(workBefore), e => !allowed.Any(a => e.StartsWith(a, StringComparison.Ordinal)));
        Assert.Empty(FolderSnapshot.Take(paths.DropFolder("welfare")).ChangedSince(welfareBefore));
        Assert.Empty(FolderSnapshot.Take(paths.DropFolder("welfare")).AddedSince(welfareBefore));
        var ledgerStart = new byte[16];
        await using (var ledger = File.OpenRead(attack.Ledger))
        {
            await ledger.ReadExactlyAsync(ledgerStart);
        }

        Assert.Equal("SQLite format 3\0"u8.ToArray(), ledgerStart);
    }

    /// <summary>The department's session and what it aims at (paths outside its chroot, which only the service could reach).</summary>
    public sealed record Attack(HostileDepartment Department, string MasterKey, string Ledger, string OtherStoreCopy, string KeysFolder, string ReceiptFolder, string KnownId, string KnownName)
    {
        /// <summary>Links at every name the service writes a receipt under, for the delivery the department knows of.</summary>
        public void LinkReceiptNames(string folder, string target)
        {
            foreach (var name in ReceiptNames)
            {
                Department.TryReplaceWithLink(folder + "/" + name, target);
            }
        }

        public void ReplaceReceiptFolderWithLinksTo(string target)
        {
            var r = Department.TryRename(ReceiptFolder, ReceiptFolder + ".old");
            var c = Department.TryCreateFolder(ReceiptFolder);
            LinkReceiptNames(ReceiptFolder, target);

        }

        private IEnumerable<string> ReceiptNames =>
            [.. Known.Select(k => global::LinkService.Intake.Receipts.ReceiptNames.Json(k.Name, k.Id)).Concat(Known.Select(k => global::LinkService.Intake.Receipts.ReceiptNames.Text(k.Name, k.Id))).SelectMany(n => new[] { n, "." + n + ".tmp" })];

        private IEnumerable<(string Name, string Id)> Known => CurrentId is null ? [(KnownName, KnownId)] : [(KnownName, KnownId), (CurrentName, CurrentId)];

        /// <summary>The file name of the delivery under way.</summary>
        public string CurrentName { get; set; } = "";

        /// <summary>The id of the delivery under way, once the department has seen its "received" receipt.</summary>
        public string? CurrentId { get; set; }
    }
}
