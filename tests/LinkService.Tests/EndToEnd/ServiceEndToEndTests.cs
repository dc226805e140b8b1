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
            await Eventually.TrueAsync(() => Directory.Exists(folder.InboxFolder("welfare")), TimeSpan.FromSeconds(30), "the service creates the drop folders");

            // As an SFTP client does: upload under a temporary name, then rename.
            await DeliverAsync(folder.InboxFolder("justice"), "offenders_20261101.csv", extracts.JusticeCsv);
            await DeliverAsync(folder.InboxFolder("welfare"), "claims_20261101.csv", extracts.WelfareCsv);
            await Eventually.TrueAsync(
                () => ReceiptOutcome(folder, "justice") == "accepted" && ReceiptOutcome(folder, "welfare") == "accepted",
                TimeSpan.FromSeconds(60),
                "both deliveries are accepted and receipted");
            await AcceptedDeliveries.WaitUntilRecordedAsync(folder, TimeSpan.FromSeconds(60), "justice", "welfare");

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
        Assert.Contains("held for approval", status.Output, StringComparison.Ordinal);
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

    [Fact]
    public async Task SetAsideRowsAfterABlankLine_EveryValidRecordLinked_TheSetAsideOneAbsent()
    {
        using var folder = new ServiceFolder();
        folder.UseFastIntake();
        folder.EditConfigJson(Path.Combine("sources", "justice.json"), node => node["errorTolerance"]!["maxShare"] = 0.05);
        var extracts = Extracts.ForPeople(People);

        // A blank line after data row 10 is row 11; person 18's impossible date is then on row 20.
        var lines = extracts.JusticeCsv.Split('\n').ToList();
        var bad = lines[19].Split(',');
        bad[3] = "31/02/1980";
        lines[19] = string.Join(',', bad);
        lines.Insert(11, "");
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var service = Support.Cli.RunAsync(stop.Token, "run", "--config", folder.ConfigDirectory);
        CliResult link;
        try
        {
            await Eventually.TrueAsync(() => Directory.Exists(folder.InboxFolder("welfare")), TimeSpan.FromSeconds(30), "the service creates the drop folders");
            await DeliverAsync(folder.InboxFolder("justice"), "offenders_20261101.csv", string.Join('\n', lines));
            await DeliverAsync(folder.InboxFolder("welfare"), "claims_20261101.csv", extracts.WelfareCsv);
            await Eventually.TrueAsync(
                () => ReceiptOutcome(folder, "justice") == "accepted" && ReceiptOutcome(folder, "welfare") == "accepted",
                TimeSpan.FromSeconds(60),
                "both deliveries are accepted and receipted");
            await AcceptedDeliveries.WaitUntilRecordedAsync(folder, TimeSpan.FromSeconds(60), "justice", "welfare");
            link = await Support.Cli.RunAsync("link", "--project", "reoffending-benefits", "--config", folder.ConfigDirectory);
        }
        finally
        {
            await stop.CancelAsync();
            (await service.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)).AssertExitCode(0);
        }

        link.AssertExitCode(0);
        Assert.Equal(2, ReceiptJson(folder, "justice")?["report"]?["tasks"]?[0]?["stats"]?["rowsSetAside"]?.GetValue<int>());
        var runFolder = link.Output.Split('\n').Single(l => l.StartsWith("folder ", StringComparison.Ordinal))["folder ".Length..].Trim();
        var entities = ReadLinks(Path.Combine(runFolder, "links.csv"));
        var justice = entities.Keys.Where(k => k.Source == "justice").Select(k => k.Record).ToHashSet(StringComparer.Ordinal);
        var valid = Enumerable.Range(0, People).Where(i => i != 18).Select(i => Extracts.KeysOf(i).Offender);
        Assert.Equal(valid.Order(StringComparer.Ordinal), justice.Order(StringComparer.Ordinal));
        Assert.Equal(People, entities.Keys.Count(k => k.Source == "welfare"));
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
        var receipts = folder.OutboxFolder(source);
        var json = Directory.Exists(receipts) ? Directory.GetFiles(receipts, "*.receipt.json") : [];
        return json.Length == 1 ? JsonNode.Parse(File.ReadAllText(json[0])) : null;
    }

    private static string ReceiptTexts(ServiceFolder folder, string source) =>
        string.Concat(Directory.GetFiles(folder.OutboxFolder(source)).Select(File.ReadAllText));

    private static Dictionary<(string Source, string Record), string> ReadLinks(string linksCsv)
    {
        var lines = File.ReadAllLines(linksCsv);
        Assert.StartsWith("source,record_id,entity_id", lines[0], StringComparison.Ordinal);
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => (f[0], f[1]), f => f[2]);
    }
}
