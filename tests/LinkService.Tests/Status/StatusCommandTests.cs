using LinkService.Tests.Support;

namespace LinkService.Tests.Status;

public sealed class StatusCommandTests
{
    [Fact]
    public async Task Status_FreshInstall_ListsEachSourceWithNothingDeliveredAndNoRuns()
    {
        using var folder = new ServiceFolder();

        var result = await Support.Cli.RunAsync("status", "--config", folder.ConfigDirectory);

        result.AssertExitCode(0);
        Assert.Matches(@"justice\s+0\s+0\s+0\s+0\s+0", result.Output);
        Assert.Matches(@"welfare\s+0\s+0\s+0\s+0\s+0", result.Output);
        Assert.Contains("none yet", result.Output, StringComparison.Ordinal);
    }
}
