using System.Text.Json.Nodes;
using LinkService.Tests.Support;

namespace LinkService.Tests.EndToEnd;

public sealed class ServiceEndToEndTests
{
    private const int People = 200;

    [Fact]
    public async Task TwoDeliveries_AreAcceptedReceiptedAndLinked_WithNoIdentifierInAnyLogReceiptOrOutput()
    {
        using var folder = new ServiceFolder();
        folder.UseFastIntake();
        var extracts = Extracts.ForPeople(People);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var service = Support.Cli.RunAsync(stop.Token, "run", "--config", folder.ConfigDirectory);
        CliResult link, status, stopped;
        try
        {
            await Eventually.TrueAsync(() => Directory.Exists(folder.DropFolder("welfare")), TimeSpan.FromSeconds(30), "the service creates the drop folders");

            // As an SFTP client does: upload under a temporary name, then rename.
            await DeliverAsync(folder.DropFolder("justice"), "offenders_20261101.csv", extracts.JusticeCsv);
            await DeliverAsync(folder.DropFolder("welfare"), "claims_20261101.csv", extracts.WelfareCsv);
            await Eventually.TrueAsync(
                () => ReceiptOutcome(folder, "justice") == "accepted" && ReceiptOutcome(folder, "welfare") == "accepted",
                TimeSpan.FromSeconds(60),
                "both deliveries are accepted and receipted");

            link = await Support.Cli.RunAsync("link", "--project", "reoffending-benefits", "--config", folder.ConfigDirectory);
            status = await Support.Cli.RunAsync("status", "--config", folder.ConfigDirectory);
        }
        finally
        {
            // Whatever happened, the service stops before the test's folder is deleted under it.
            await stop.CancelAsync();
            stopped = await service.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        }

        // The validation report in the receipt names the file the department sent, not the store's copy.
        Assert.Equal("offenders_20261101.csv", ReceiptJson(folder, "justice")?["report"]?["tasks"]?[0]?["place"]?.GetValue<string>());
        stopped.AssertExitCode(0);
        link.AssertExitCode(0);
        var runFolder = link.Output.Split('\n').Single(l => l.StartsWith("folder ", StringComparison.Ordinal))["folder ".Length..].Trim();
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(runFolder));
        }

        var entities = ReadLinks(Path.Combine(runFolder, "links.csv"));
        Assert.Equal(2 * People, entities.Count);
        var linked = Enumerable.Range(0, People).Count(i =>
        {
            var (offender, claim) = Extracts.KeysOf(i);
            return entities[("justice", offender)] == entities[("welfare", claim)];
        });
        Assert.True(linked >= People * 0.98, $"{linked} of {People} people linked across the two sources");
        Assert.Matches(@"justice\s+1\s+0\s+0\s+0\s+0", status.Output);
        Assert.Contains("completed", status.Output, StringComparison.Ordinal);
        status.AssertExitCode(0);
        Assert.Contains("Audit chain: intact", status.Output, StringComparison.Ordinal);

        var seen = string.Join('\n',
            folder.AllLogText(),
            ReceiptTexts(folder, "justice"),
            ReceiptTexts(folder, "welfare"),
            link.Output, link.Error, status.Output, stopped.Output, stopped.Error);
        Assert.Contains("accepted", seen, StringComparison.Ordinal);
        foreach (var value in extracts.IdentifierValues)
        {
            Assert.False(seen.Contains(value, StringComparison.OrdinalIgnoreCase), $"an identifier value ({value.Length} characters) appears in a log, receipt or output");
        }
    }

    private static async Task DeliverAsync(string dropFolder, string name, string content)
    {
        var temporary = Path.Combine(dropFolder, name + ".part");
        await File.WriteAllTextAsync(temporary, content, TestContext.Current.CancellationToken);
        File.Move(temporary, Path.Combine(dropFolder, name));
    }

    private static string? ReceiptOutcome(ServiceFolder folder, string source) =>
        ReceiptJson(folder, source)?["outcome"]?.GetValue<string>();

    private static JsonNode? ReceiptJson(ServiceFolder folder, string source)
    {
        var receipts = Path.Combine(folder.DropFolder(source), "receipts");
        var json = Directory.Exists(receipts) ? Directory.GetFiles(receipts, "*.json") : [];
        return json.Length == 1 ? JsonNode.Parse(File.ReadAllText(json[0])) : null;
    }

    private static string ReceiptTexts(ServiceFolder folder, string source) =>
        string.Concat(Directory.GetFiles(Path.Combine(folder.DropFolder(source), "receipts")).Select(File.ReadAllText));

    private static Dictionary<(string Source, string Record), string> ReadLinks(string linksCsv)
    {
        var lines = File.ReadAllLines(linksCsv);
        Assert.StartsWith("source,record_id,entity_id", lines[0], StringComparison.Ordinal);
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => (f[0], f[1]), f => f[2]);
    }
}
