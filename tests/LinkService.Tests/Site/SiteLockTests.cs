using System.Globalization;
using System.Text.Json.Nodes;
using LinkService.Site;
using LinkService.Tests.Support;

namespace LinkService.Tests.Site;

public sealed class SiteLockTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public void TryAcquire_SiteAlreadyHeld_IsRefusedNamingTheHoldersProcess()
    {
        using var folder = new ServiceFolder();
        Directory.CreateDirectory(folder.Paths.WorkRoot);

        using var first = SiteLock.TryAcquire(folder.Paths, out _);
        using var second = SiteLock.TryAcquire(folder.Paths, out var holder);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(Environment.ProcessId, holder);
    }

    [Fact]
    public void TryAcquire_AfterTheHolderReleasedIt_Succeeds()
    {
        using var folder = new ServiceFolder();
        Directory.CreateDirectory(folder.Paths.WorkRoot);
        SiteLock.TryAcquire(folder.Paths, out _)!.Dispose();

        using var again = SiteLock.TryAcquire(folder.Paths, out _);

        Assert.NotNull(again);
    }

    [Fact]
    public void TryAcquireNode_NodesSharingTheWorkFolder_EachHoldsItsOwnAndASecondServiceOfANodeIsRefused()
    {
        using var folder = new ServiceFolder();
        Directory.CreateDirectory(folder.Paths.WorkRoot);

        using var a = SiteLock.TryAcquireNode(folder.Paths, "node-a", out _);
        using var b = SiteLock.TryAcquireNode(folder.Paths, "node-b", out _);
        using var secondA = SiteLock.TryAcquireNode(folder.Paths, "node-a", out var holder);

        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.Null(secondA);
        Assert.Equal(Environment.ProcessId, holder);
    }

    [Fact]
    public async Task Run_SecondServiceOnTheSameSite_ExitsTwoWhileTheFirstKeepsTakingDeliveries()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // The first service is stopped with kill(1); the lock itself is the same FileShare.None on Windows.
        }

        using var folder = new ServiceFolder();
        folder.UseFastIntake();
        using var first = ServiceProcess.Start(folder);
        await Eventually.TrueAsync(() => first.Output.Contains("Audit chain intact", StringComparison.Ordinal), Timeout, "the first service starts");

        using var second = ServiceProcess.Start(folder);
        var secondExit = await second.ExitCodeAsync(Timeout);

        Assert.Equal(2, secondExit);
        Assert.Contains($"Another LinkService service is running on this site (process {first.Id.ToString(CultureInfo.InvariantCulture)}", second.Output, StringComparison.Ordinal);
        var drop = folder.InboxFolder("justice");
        var outbox = folder.OutboxFolder("justice");
        await File.WriteAllTextAsync(Path.Combine(drop, "offenders_20261101.csv.part"), Extracts.ForPeople(20).JusticeCsv, TestContext.Current.CancellationToken);
        File.Move(Path.Combine(drop, "offenders_20261101.csv.part"), Path.Combine(drop, "offenders_20261101.csv"));
        await Eventually.TrueAsync(() => Outcomes(outbox).Contains("accepted"), Timeout, "the first service takes the delivery");
        Assert.False(first.HasExited);
        Assert.Equal(["accepted"], Outcomes(outbox));
        Assert.Equal(0, await first.StopAsync(Timeout));
    }

    private static List<string?> Outcomes(string receipts)
    {
        return (Directory.Exists(receipts) ? Directory.GetFiles(receipts, "*.receipt.json") : [])
            .Select(f => JsonNode.Parse(File.ReadAllText(f))?["outcome"]?.GetValue<string>())
            .Where(o => o is not "received")
            .ToList();
    }
}
