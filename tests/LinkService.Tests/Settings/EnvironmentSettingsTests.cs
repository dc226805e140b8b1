using LinkService.Configuration.Loading;
using LinkService.Settings;

namespace LinkService.Tests.Settings;

public sealed class EnvironmentSettingsTests
{
    [Fact]
    public void Check_MisspeltVariable_IsNamedAndItsSectionLeftToTheShapeCheck()
    {
        var errors = new ConfigErrors("environment");
        var flagged = new HashSet<string>();
        var variables = new Dictionary<string, string>
        {
            ["LINKSERVICE_LinkService__Folders__Wrok"] = "/srv/work",
            ["LINKSERVICE_LinkService__Intake__SweepInterval"] = "00:00:05",
            ["LINKSERVICE_Serilog__MinimumLevel__Default"] = "Debug",
            ["PATH"] = "/usr/bin",
        };

        EnvironmentSettings.Check(variables, SettingsSections.All("/", "/etc/linkservice"), errors, flagged);

        var error = Assert.Single(errors.All);
        Assert.Equal("LINKSERVICE_LinkService__Folders__Wrok", error.JsonPath);
        Assert.Contains("is not a setting LinkService reads", error.Message, StringComparison.Ordinal);
        Assert.Equal(["LinkService:Folders"], flagged);
    }

    [Fact]
    public void Check_UnknownSection_IsNamed()
    {
        var errors = new ConfigErrors("environment");

        EnvironmentSettings.Check(new Dictionary<string, string> { ["linkservice_LinkService__Intak__HintDelay"] = "1" }, SettingsSections.All("/", "/etc/linkservice"), errors, new HashSet<string>());

        Assert.Equal("linkservice_LinkService__Intak__HintDelay", Assert.Single(errors.All).JsonPath);
    }
}
