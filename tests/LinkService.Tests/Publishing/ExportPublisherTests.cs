using LinkService.Ledger.Runs;
using LinkService.Publishing;
using LinkService.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace LinkService.Tests.Publishing;

public sealed class ExportPublisherTests : IDisposable
{
    private const string Project = "reoffending-benefits";
    private const string RunId = "20261120T120000Z-0a0b0c0d";
    private readonly ServiceFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task PublishAsync_FaultPartWayThroughTheCopy_LeavesNoExportFolderAndNoStagingCopy()
    {
        var output = WriteOutput();

        // The third file to be copied cannot be opened: a link to nothing.
        File.CreateSymbolicLink(Path.Combine(output, "c-broken.csv"), Path.Combine(output, "missing"));
        File.WriteAllText(Path.Combine(output, "d-after.csv"), "never copied\n");

        await Assert.ThrowsAnyAsync<IOException>(() => Publisher().PublishAsync(Project, RunId, CancellationToken.None));

        Assert.False(Directory.Exists(_folder.Paths.ExportFolder(Project, RunId)));
        Assert.False(Directory.Exists(_folder.Paths.PublishStagingFolder(Project, RunId)));
    }

    [Fact]
    public async Task RemoveStaging_TwoNodesRemovingOneCopyAtOnce_BothReturnAndTheCopyIsGone()
    {
        // A node starting after a crash clears staging leftovers while the node that took over the run clears the same
        // copy before publishing it again; whichever deletes an entry first, neither may fail (a start that failed here
        // stopped the node).
        var staging = _folder.Paths.PublishStagingFolder(Project, RunId);
        for (var round = 0; round < 20; round++)
        {
            for (var d = 0; d < 8; d++)
            {
                var folder = Directory.CreateDirectory(Path.Combine(staging, $"part-{d}")).FullName;
                for (var f = 0; f < 50; f++)
                {
                    File.WriteAllText(Path.Combine(folder, $"{f}.csv"), "a,b\n");
                }
            }

            using var start = new Barrier(2);
            var removals = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait(TestContext.Current.CancellationToken);
                ExportPublisher.RemoveStaging(staging);
            })).ToArray();

            await Task.WhenAll(removals);
            Assert.False(Directory.Exists(staging));
        }
    }

    [Fact]
    public async Task PublishAsync_CancelledPartWay_LeavesNoExportFolder()
    {
        WriteOutput();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Publisher().PublishAsync(Project, RunId, cancelled.Token));

        Assert.False(Directory.Exists(_folder.Paths.ExportFolder(Project, RunId)));
    }

    [Fact]
    public async Task PublishAsync_Output_IsCopiedWhole()
    {
        var output = WriteOutput();
        File.WriteAllText(Path.Combine(output, "counts.csv"), "n\n12\n");
        Package(output);

        Assert.True(await Publisher().PublishAsync(Project, RunId, CancellationToken.None));

        var final = _folder.Paths.ExportFolder(Project, RunId);
        Assert.Equal("a\n1\n", File.ReadAllText(Path.Combine(final, "a.csv")));
        Assert.Equal("n\n12\n", File.ReadAllText(Path.Combine(final, "counts.csv")));
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(_folder.Paths.PublishStagingFolder(Project, RunId))!));
    }

    [Fact]
    public async Task PublishAsync_FolderPublishedAlready_IsLeftAsItIs()
    {
        WriteOutput();
        var final = _folder.Paths.ExportFolder(Project, RunId);
        Directory.CreateDirectory(final);
        File.WriteAllText(Path.Combine(final, "a.csv"), "the published bytes");

        Assert.False(await Publisher().PublishAsync(Project, RunId, CancellationToken.None));

        Assert.Equal("the published bytes", File.ReadAllText(Path.Combine(final, "a.csv")));
    }

    [Fact]
    public async Task PublishAsync_SetgidExportFolder_FilesAre0640FoldersAre0750AndTakeItsGroup()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Modes and groups are POSIX; on Windows the export folder's ACL is inherited.
        }

        var output = WriteOutput();
        File.WriteAllText(Path.Combine(output, "counts.csv"), "n\n12\n");
        Package(output);
        File.SetUnixFileMode(Path.Combine(output, "a.csv"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);
        var export = _folder.Paths.ExportRoot;
        Directory.CreateDirectory(export);
        var group = GroupOtherThanOurs();
        if (group is not null)
        {
            Chgrp(export, group);
        }

        File.SetUnixFileMode(export, File.GetUnixFileMode(export) | UnixFileMode.SetGroup);

        await Publisher().PublishAsync(Project, RunId, CancellationToken.None);

        var final = _folder.Paths.ExportFolder(Project, RunId);
        const UnixFileMode Permissions = (UnixFileMode)0x1FF;
        Assert.Equal(ExportPermissions.File, File.GetUnixFileMode(Path.Combine(final, "a.csv")) & Permissions);
        Assert.Equal(ExportPermissions.File, File.GetUnixFileMode(Path.Combine(final, "counts.csv")) & Permissions);
        Assert.Equal(ExportPermissions.Folder, File.GetUnixFileMode(final) & Permissions);
        if (group is not null)
        {
            Assert.Equal(group, GroupOf(Path.Combine(final, "counts.csv")));
            Assert.Equal(group, GroupOf(_folder.Paths.ExportProjectFolder(Project)));
        }
    }

    [Fact]
    public async Task PublishAsync_StagingRootInTheExportFolder_IsTheServicesAlone()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Modes are POSIX; on Windows the export folder's ACL is inherited.
        }

        Package(WriteOutput());

        await Publisher().PublishAsync(Project, RunId, CancellationToken.None);

        // The export folder is the analysts' to list: its .staging, where outputs are half-copied, must not be.
        const UnixFileMode GroupAndOthers = (UnixFileMode)0x3F;
        Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(_folder.Paths.PublishStagingRoot) & GroupAndOthers);
        Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(Path.GetDirectoryName(_folder.Paths.PublishStagingFolder(Project, RunId))!) & GroupAndOthers);
    }

    [Fact]
    public async Task StagingCleanup_CopyLeftByACrash_IsRemovedAtStartButNotOneALiveOwnerIsMaking()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        using var ledger = new OpenedLedger(_folder, time);
        await ledger.Ledger.StartRunAsync(new RunStart("live", Project, "runs/live", [], Owners.Other), CancellationToken.None);
        var crashed = _folder.Paths.PublishStagingFolder(Project, RunId);
        var live = _folder.Paths.PublishStagingFolder(Project, "live");
        Directory.CreateDirectory(crashed);
        File.WriteAllText(Path.Combine(crashed, "a.csv"), "half");
        Directory.CreateDirectory(live);

        await new StagingCleanup(_folder.Paths, ledger.Ledger, time, NullLogger<StagingCleanup>.Instance).StartAsync(CancellationToken.None);

        Assert.False(Directory.Exists(crashed));
        Assert.True(Directory.Exists(live));
    }

    private ExportPublisher Publisher() => new(_folder.Paths);

    private string WriteOutput()
    {
        var output = _folder.Paths.RunOutputFolder(Project, RunId);
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "a.csv"), "a\n1\n");
        File.WriteAllText(Path.Combine(output, "b.csv"), "b\n2\n");
        Package(output);
        return output;
    }

    private static void Package(string output) => File.WriteAllText(Path.Combine(output, "datapackage.json"), TestPackages.Listing(output));

    [Fact]
    public async Task PublishAsync_FileChangedAfterItsCheck_IsRefusedAndNothingPublished()
    {
        var output = WriteOutput();
        File.WriteAllText(Path.Combine(output, "a.csv"), "a\n9\n");

        var refused = await Assert.ThrowsAnyAsync<IOException>(() => Publisher().PublishAsync(Project, RunId, CancellationToken.None));

        Assert.Contains("changed after its check", refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.Paths.ExportFolder(Project, RunId)));
    }

    [Fact]
    public async Task PublishAsync_LinkPlantedInTheHeldOutput_IsRefusedNotFollowed()
    {
        var output = WriteOutput();
        var secret = Path.Combine(_folder.Root, "secret.key");
        File.WriteAllText(secret, "not for analysts");
        File.Delete(Path.Combine(output, "b.csv"));
        File.CreateSymbolicLink(Path.Combine(output, "b.csv"), secret);
        File.CreateSymbolicLink(Path.Combine(output, "extra.txt"), secret);

        await Assert.ThrowsAnyAsync<IOException>(() => Publisher().PublishAsync(Project, RunId, CancellationToken.None));

        Assert.False(Directory.Exists(_folder.Paths.ExportFolder(Project, RunId)));
    }

    /// <summary>A group this process may give a folder (root may give any): not its own, so inheriting it is seen.</summary>
    private static string? GroupOtherThanOurs()
    {
        var ours = Run("id", "-gn").Trim();
        var candidates = Run("id", "-Gn").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(g => g != ours).ToList();
        if (candidates.Count > 0)
        {
            return candidates[0];
        }

        return Run("id", "-u").Trim() == "0" ? "daemon" : null;
    }

    private static void Chgrp(string path, string group) => Run("chgrp", group, path);

    private static string GroupOf(string path) => Run("stat", "-c", "%G", path).Trim();

    private static string Run(string file, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(file, arguments) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
