using System.Text.Json.Nodes;
using LinkService.Deliveries.Store;
using LinkService.Ledger.Runs;
using LinkService.Tests.Support;

namespace LinkService.Tests.Cli;

public sealed class RetentionCommandTests
{
    private const string Project = "reoffending-benefits";

    [Fact]
    public async Task Retention_DryRunThenForReal_ListsWhatWouldGoThenDeletesIt()
    {
        using var folder = new ServiceFolder();
        folder.EditConfigJson(Path.Combine("sources", "justice.json"), source => source["retention"] = JsonNode.Parse("""{ "rawExtracts": "P0D" }"""));
        string january;
        using (var opened = new OpenedLedger(folder))
        {
            var ids = new List<string>();
            foreach (var month in new[] { "r1", "r2" })
            {
                var justice = await AcceptedDeliveries.RecordAsync(opened.Ledger, folder.Paths, "justice", "justice_id\n1\n", CancellationToken.None);
                var welfare = await AcceptedDeliveries.RecordAsync(opened.Ledger, folder.Paths, "welfare", "welfare_id\n1\n", CancellationToken.None);
                await opened.Ledger.StartRunAsync(new RunStart(month, Project, folder.Paths.RunFolder(Project, month), [justice.Id, welfare.Id], Owners.Other), CancellationToken.None);
                await opened.Ledger.CompleteRunAsync(month, new Dictionary<string, long>(), CancellationToken.None);
                ids.Add(justice.Id);
            }

            january = ids[0];
        }

        var copy = StoreFiles.Delivery(folder.Paths, "justice", january, "justice.csv");

        var dryRun = await Support.Cli.RunAsync("retention", "--dry-run", "--config", folder.ConfigDirectory);

        dryRun.AssertExitCode(0);
        Assert.Contains($"would delete the store-copy of {january} (source 'justice'), kept P0D", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("(source 'justice') past its period: it is the source's current delivery", dryRun.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(copy));

        var applied = await Support.Cli.RunAsync("retention", "--config", folder.ConfigDirectory);

        applied.AssertExitCode(0);
        Assert.Contains($"deleted the store-copy of {january} (source 'justice')", applied.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(copy));
        var status = await Support.Cli.RunAsync("status", "--config", folder.ConfigDirectory);
        status.AssertExitCode(0);
    }
}
