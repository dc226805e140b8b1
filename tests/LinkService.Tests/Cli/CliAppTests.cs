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
    public async Task RunAsync_ApproveBeforeExportExists_SaysNotYetAvailableAndExitsTwo()
    {
        var result = await Support.Cli.RunAsync("approve", "--project", "p", "--run", "r");

        result.AssertExitCode(2);
        Assert.Contains("not yet available", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ApproveWithoutRun_IsBadUsage()
    {
        var result = await Support.Cli.RunAsync("approve", "--project", "p");

        result.AssertExitCode(2);
    }
}
