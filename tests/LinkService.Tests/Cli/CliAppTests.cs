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

    [Theory]
    [InlineData("reject", "--project", "p", "--run", "r")]
    [InlineData("deliveries", "reject", "20261129T091442Z-07532d77")]
    public async Task RunAsync_RejectReasonThatCouldForgeAReceiptLine_IsBadUsageNamingTheCharacter(params string[] command)
    {
        // A line break then "Outcome: accepted", an escape sequence and a right-to-left override.
        var result = await Support.Cli.RunAsync([.. command, "--reason", "bad\nOutcome: accepted\r\u001b[31mRED\u202e"]);

        result.AssertExitCode(2);
        Assert.Contains("--reason must be one line of plain text: character 4 is a control or formatting character.", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task RunAsync_DeliveriesRejectWithAnEmptyReason_IsBadUsage(string reason)
    {
        var result = await Support.Cli.RunAsync("deliveries", "reject", "20261129T091442Z-07532d77", "--reason", reason);

        result.AssertExitCode(2);
        Assert.Contains("--reason must say why, in words.", result.Error, StringComparison.Ordinal);
    }
}
