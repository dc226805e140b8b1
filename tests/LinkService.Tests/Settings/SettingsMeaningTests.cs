using LinkService.Configuration.Loading;
using LinkService.Settings;
using Microsoft.Extensions.Configuration;

namespace LinkService.Tests.Settings;

public sealed class SettingsMeaningTests
{
    [Fact]
    public void Check_ValueTheBinderCannotConvert_IsAProblemAtItsKeyNotAnException()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LinkService:Intake:SweepInterval"] = "soon" })
            .Build();
        var errors = new ConfigErrors("config/appsettings.json");

        SettingsMeaning.Check(configuration, SettingsSections.All("/", "/etc/linkservice"), "/etc/linkservice", errors);

        var error = Assert.Single(errors.All);
        Assert.Equal("$.LinkService.Intake.SweepInterval", error.JsonPath);
        Assert.Equal("cannot be read as a duration such as \"00:00:30\"", error.Message);
    }
}
