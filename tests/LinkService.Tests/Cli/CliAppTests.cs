using LinkService.Tests.Support;

namespace LinkService.Tests.Cli;

public sealed class CliAppTests
{
    [Fact]
    public async Task RunAsync_UnknownCommand_ExitsTwoWithUsageHint()
    {
        var result = await Support.Cli.RunAsync("frobnicate");

        result.AssertExitCode(2);
        Assert.Contains("linkservice --help", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ApproveARunTheSiteDoesNotHave_SaysSoAndExitsTwo()
    {
        using var folder = new ServiceFolder();
        using (var opened = new OpenedLedger(folder))
        {
            await opened.Ledger.GetStatusAsync(0, CancellationToken.None);
        }

        var result = await Support.Cli.RunAsync("approve", "--project", "reoffending-benefits", "--run", "r", "--config", folder.ConfigDirectory);

        result.AssertExitCode(2);
        Assert.Equal("Project reoffending-benefits has no run 'r' ('linkservice status' lists the runs waiting for approval).", result.Error.Trim());
    }

    [Fact]
    public async Task RunAsync_RejectWithoutReason_IsBadUsage()
    {
        var result = await Support.Cli.RunAsync("reject", "--project", "p", "--run", "r");

        result.AssertExitCode(2);
        Assert.Contains("--reason", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ApproveWithoutRun_IsBadUsage()
    {
        var result = await Support.Cli.RunAsync("approve", "--project", "p");

        result.AssertExitCode(2);
    }
}
