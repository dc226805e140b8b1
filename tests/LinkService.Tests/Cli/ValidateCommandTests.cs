using LinkService.Tests.Support;

namespace LinkService.Tests.Cli;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_WhereNoServiceRuns_ChecksTheFileAndCreatesNoFolders()
    {
        using var folder = new ServiceFolder();
        var file = folder.Combine("offenders_20261101.csv");
        await File.WriteAllTextAsync(file, Extracts.ForPeople(5).JusticeCsv, TestContext.Current.CancellationToken);

        var result = await Support.Cli.RunAsync("validate", "--source", "justice", file, "--config", folder.ConfigDirectory);

        result.AssertExitCode(0);
        Assert.False(Directory.Exists(folder.Combine("var")), "validate created folders (its log lines belong on the console)");
    }

    [Fact]
    public async Task Validate_NameTheSourcesPatternDoesNotMatch_SaysTheServiceWouldRefuseItAndExitsOne()
    {
        using var folder = new ServiceFolder();
        var file = folder.Combine("offenders-november.csv");
        await File.WriteAllTextAsync(file, Extracts.ForPeople(5).JusticeCsv, TestContext.Current.CancellationToken);

        var result = await Support.Cli.RunAsync("validate", "--source", "justice", "--config", folder.ConfigDirectory, file);

        result.AssertExitCode(1);
        Assert.Contains("offenders-november.csv: refused. The file name does not match source 'justice''s pattern 'offenders_*.csv'", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ValidFileWithAMatchingName_ExitsZero()
    {
        using var folder = new ServiceFolder();
        var file = folder.Combine("OFFENDERS_20261101.csv");
        await File.WriteAllTextAsync(file, Extracts.ForPeople(5).JusticeCsv, TestContext.Current.CancellationToken);

        var result = await Support.Cli.RunAsync("validate", "--source", "justice", "--config", folder.ConfigDirectory, file);

        result.AssertExitCode(0);
    }
}
