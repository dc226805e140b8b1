using LinkService.Tests.Support;

namespace LinkService.Tests.Cli;

public sealed class CheckConfigCommandTests
{
    [Fact]
    public async Task CheckConfig_DefaultConfiguration_ExitsZeroAndSaysWhatItFound()
    {
        using var folder = new ServiceFolder();

        var result = await Support.Cli.RunAsync("check-config", "--config", folder.ConfigDirectory);

        result.AssertExitCode(0);
        Assert.Contains("is valid: 2 sources, 2 schemas, 1 projects", result.Output, StringComparison.Ordinal);
        Assert.Contains("Note: There is no LinkService site here", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Combine("var")), "check-config created folders");
    }

    [Fact]
    public async Task CheckConfig_ProblemsInSeveralFiles_ListsThemAllAndExitsTwo()
    {
        using var folder = new ServiceFolder();
        folder.WriteConfigFile(Path.Combine("sources", "welfare.json"), """{ "schema": "benefit-claims", "filePattern": "claims_*.csv", "maxbytes": 5 }""");
        folder.WriteConfigFile(Path.Combine("projects", "reoffending-benefits.json"), """{ "sources": ["justice", "probation"], "linkage": {} }""");
        folder.EditAppSettings(s => s["LinkService"]!["Folders"]!["Work"] = folder.Combine("var", "drop", "work"));

        var result = await Support.Cli.RunAsync("check-config", "--config", folder.ConfigDirectory);

        result.AssertExitCode(2);
        Assert.Contains("welfare.json: $.maxbytes: is not a known property; did you mean 'maxBytes'?", result.Error, StringComparison.Ordinal);
        Assert.Contains("reoffending-benefits.json: $.sources[1]: names source 'probation'", result.Error, StringComparison.Ordinal);
        Assert.Contains("appsettings.json: $.LinkService.Folders.Work: must not be inside the Drop folder", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BrokenConfigurations.Names), MemberType = typeof(BrokenConfigurations))]
    public async Task CheckConfig_OneMistake_NamesItsFileAndPathAndExitsTwo(string mistake)
    {
        using var folder = new ServiceFolder();
        BrokenConfigurations.Apply(mistake, folder);

        var result = await Support.Cli.RunAsync("check-config", "--config", folder.ConfigDirectory);

        result.AssertExitCode(2);
        Assert.Contains(BrokenConfigurations.Expected(mistake), result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_WorkFolderInsideDropFolder_IsRefused()
    {
        using var folder = new ServiceFolder();
        folder.EditAppSettings(s => s["LinkService"]!["Folders"]!["Work"] = folder.Combine("var", "drop", "work"));

        var result = await Support.Cli.RunAsync("check-config", "--config", folder.ConfigDirectory);

        result.AssertExitCode(2);
        Assert.Contains("appsettings.json: $.LinkService.Folders.Work: must not be inside the Drop folder", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_MissingFolder_ExitsTwo()
    {
        using var dir = new TempDirectory();

        var result = await Support.Cli.RunAsync("check-config", "--config", dir.Combine("nowhere"));

        result.AssertExitCode(2);
        Assert.Contains("the configuration folder does not exist", result.Error, StringComparison.Ordinal);
    }
}
