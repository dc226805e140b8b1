using System.Reflection;
using LinkService.Settings;
using LinkService.Testing;

namespace LinkService.Tests.Settings;

/// <summary>docs/configuration.md has a row for every key of every appsettings section LinkService binds, and no other.</summary>
public sealed class SettingsReferenceTests
{
    public static TheoryData<string> Sections() => [.. SettingsSections.All(".", ".").Select(s => s.Key)];

    [Theory]
    [MemberData(nameof(Sections))]
    public void Reference_EverySettingsSection_HasARowForEachKey(string key)
    {
        var section = SettingsSections.All(".", ".").Single(s => s.Key == key);
        var keys = section.OptionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);

        var documented = ConfigurationReference.Entries("settings", key);

        Assert.True(documented is not null, $"docs/configuration.md has no '<!-- settings: {key} -->' table");
        Assert.Empty(keys.Except(documented));
        Assert.Empty(documented.Except(keys));
    }
}
