using LinkService.Deliveries.Store;
using LinkService.Tests.Support;

namespace LinkService.Tests.Linking;

/// <summary>
/// A run reads each stored copy once, checking its digest as it reads; an altered copy still fails the run before it
/// writes anything an analyst could see.
/// </summary>
public sealed class StoredCopyReadingTests : IDisposable
{
    private const string Project = "reoffending-benefits";
    private readonly ServiceFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Link_StoredCopyThatCanBeReadOnlyOnce_IsLinked()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Named pipes in the file system are POSIX.
        }

        // The welfare copy is a named pipe the test writes once: a run that hashed it and then opened it again to read
        // would wait at the second opening for a writer that never comes (the test then lets it find the pipe empty).
        // Linking alone: the anonymise stage reads the accepted rows again, as it must (a second stage, later), so the
        // project here has no outputs.
        _folder.EditConfigJson(Path.Combine("projects", Project + ".json"), node => node.AsObject().Remove("outputs"));
        var extracts = Extracts.ForPeople(50);
        string pipe;
        using (var opened = new OpenedLedger(_folder))
        {
            await AcceptedDeliveries.RecordAsync(opened.Ledger, _folder.Paths, "justice", extracts.JusticeCsv, CancellationToken.None);
            var welfare = await AcceptedDeliveries.RecordAsync(opened.Ledger, _folder.Paths, "welfare", extracts.WelfareCsv, CancellationToken.None, Fifo.MakeAsync);
            pipe = StoreFiles.Delivery(_folder.Paths, welfare.Source, welfare.Id, welfare.OriginalName);
        }

        var link = Task.Run(() => Support.Cli.RunAsync("link", "--project", Project, "--config", _folder.ConfigDirectory), TestContext.Current.CancellationToken);
        await WriteOnceAsync(pipe, extracts.WelfareCsv);
        CliResult result;
        try
        {
            result = await link.WaitAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            await WriteOnceAsync(pipe, "");
            result = await link;
        }

        result.AssertExitCode(0);
        var folder = result.Output.Split('\n').Single(l => l.StartsWith("folder ", StringComparison.Ordinal))["folder ".Length..].Trim();
        var links = await File.ReadAllLinesAsync(Path.Combine(folder, "links.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(extracts.WelfareCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1, links.Count(l => l.StartsWith("welfare,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Link_StoredCopyAlteredInPlace_FailsBeforeWritingAnyRunFile()
    {
        var extracts = Extracts.ForPeople(50);
        string copy;
        using (var opened = new OpenedLedger(_folder))
        {
            await AcceptedDeliveries.RecordAsync(opened.Ledger, _folder.Paths, "justice", extracts.JusticeCsv, CancellationToken.None);
            var welfare = await AcceptedDeliveries.RecordAsync(opened.Ledger, _folder.Paths, "welfare", extracts.WelfareCsv, CancellationToken.None);
            copy = StoreFiles.Delivery(_folder.Paths, welfare.Source, welfare.Id, welfare.OriginalName);
        }

        // The last row changed, keeping the size: only the digest, known once the whole copy is read, can tell.
        var bytes = await File.ReadAllBytesAsync(copy, TestContext.Current.CancellationToken);
        bytes[^3] = bytes[^3] == (byte)'1' ? (byte)'2' : (byte)'1';
        await File.WriteAllBytesAsync(copy, bytes, TestContext.Current.CancellationToken);

        var link = await Support.Cli.RunAsync("link", "--project", Project, "--config", _folder.ConfigDirectory);

        link.AssertExitCode(1);
        Assert.Contains("(source 'welfare') does not match the SHA-256 recorded when it was taken: it was altered in the store", link.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_folder.Paths.RunsRoot, "*", SearchOption.AllDirectories));
        Assert.Contains(_folder.AllLogText().Split('\n'), l => l.Contains("[FTL]", StringComparison.Ordinal) && l.Contains("source welfare does not match the SHA-256", StringComparison.Ordinal));
    }

    private static async Task WriteOnceAsync(string pipe, string content)
    {
        await using var writer = new FileStream(pipe, FileMode.Open, FileAccess.Write);
        await writer.WriteAsync(System.Text.Encoding.UTF8.GetBytes(content));
    }
}
