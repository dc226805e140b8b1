using System.Collections;
using LinkService.Settings;
using LinkService.Tests.Support;

namespace LinkService.Tests.Settings;

public sealed class AppSettingsCheckTests
{
    private static readonly IDictionary NoVariables = new Dictionary<string, string>();

    [Fact]
    public void Run_TheRepositoryDefaultSettings_HaveNoProblems()
    {
        using var folder = new ServiceFolder();

        var problems = AppSettingsCheck.Run(folder.ConfigDirectory, folder.Root, "Production", NoVariables);

        Assert.Empty(problems);
    }

    [Fact]
    public void Run_ValueOutOfRangeInTheEnvironmentFile_NamesThatFile()
    {
        using var folder = new ServiceFolder();
        folder.WriteConfigFile("appsettings.Staging.json", """{ "LinkService": { "Intake": { "HintDelay": "00:05:00" } } }""");

        var problems = AppSettingsCheck.Run(folder.ConfigDirectory, folder.Root, "Staging", NoVariables);

        var problem = Assert.Single(problems);
        Assert.EndsWith("appsettings.Staging.json", problem.File, StringComparison.Ordinal);
        Assert.Equal("$.LinkService.Intake.HintDelay", problem.JsonPath);
    }

    [Fact]
    public void Run_EveryProblemAtOnce_ShapeAndMeaningTogether()
    {
        using var folder = new ServiceFolder();
        folder.EditAppSettings(s =>
        {
            s["LinkService"]!["Folders"]!["Export"] = folder.Combine("var", "work", "export");
            s["LinkService"]!["Intake"]!["SweepIntervall"] = "00:00:01";
            s["LinkService"]!["Intake"]!["CopyBufferBytes"] = 1;
        });

        var problems = AppSettingsCheck.Run(folder.ConfigDirectory, folder.Root, "Production", NoVariables).Select(p => p.JsonPath).ToList();

        // Intake's shape is wrong, so its ranges wait for the next pass; the folders' meaning is checked now.
        Assert.Equal(["$.LinkService.Intake.SweepIntervall", "$.LinkService.Folders.Export"], problems);
    }

    [Fact]
    public void Run_MissingFile_IsOneProblem()
    {
        using var dir = new TempDirectory();

        var problem = Assert.Single(AppSettingsCheck.Run(dir.Path, dir.Path, "Production", NoVariables));

        Assert.Equal("the file is missing", problem.Message);
    }
}
