using System.Collections;
using System.Text.Json.Nodes;
using LinkService.Settings;
using LinkService.Tests.Support;

namespace LinkService.Tests.Retention;

public sealed class RetentionOptionsTests
{
    private static readonly IDictionary NoVariables = new Dictionary<string, string>();

    [Fact]
    public void Check_ScheduleAndPeriodGiven_HaveNoProblems()
    {
        using var folder = new ServiceFolder();
        folder.EditAppSettings(s => s["LinkService"]!["Retention"] = new JsonObject { ["Schedule"] = "0 0 4 * * ?", ["RunFolders"] = "P180D" });

        Assert.Empty(AppSettingsCheck.Run(folder.ConfigDirectory, folder.Root, "Production", NoVariables));
    }

    [Fact]
    public void Check_BadScheduleAndPeriod_AreBothReportedWithTheirKeys()
    {
        using var folder = new ServiceFolder();
        folder.EditAppSettings(s => s["LinkService"]!["Retention"] = new JsonObject { ["Schedule"] = "daily", ["RunFolders"] = "180.00:00:00" });

        var problems = AppSettingsCheck.Run(folder.ConfigDirectory, folder.Root, "Production", NoVariables);

        Assert.Equal(["$.LinkService.Retention.RunFolders", "$.LinkService.Retention.Schedule"], problems.Select(p => p.JsonPath).Order(StringComparer.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("ISO-8601 duration", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("not a valid Quartz cron expression", StringComparison.Ordinal));
    }
}
