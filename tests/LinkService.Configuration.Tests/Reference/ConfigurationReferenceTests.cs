using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization;
using LinkService.Configuration.Loading;
using LinkService.Configuration.Projects;
using LinkService.Configuration.Schemas;
using LinkService.Configuration.Sources;
using LinkService.Testing;

namespace LinkService.Configuration.Tests.Reference;

/// <summary>docs/configuration.md describes every key and every enumerated value the loader accepts, found by walking the configuration classes.</summary>
public sealed class ConfigurationReferenceTests
{
    private static readonly Type[] Files = [typeof(SourceDefinition), typeof(TableSchema), typeof(ProjectDefinition)];

    public static TheoryData<string> Classes() => [.. Reachable().Where(t => !t.IsEnum).Select(t => t.Name)];

    public static TheoryData<string> Enums() => [.. Reachable().Where(t => t.IsEnum).Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Classes))]
    public void Reference_EveryClassOfTheConfigurationFiles_HasARowForEachOfItsKeys(string name)
    {
        var type = Reachable().Single(t => t.Name == name);
        var documented = ConfigurationReference.Entries("class", name);

        Assert.True(documented is not null, $"docs/configuration.md has no '<!-- class: {name} -->' table");
        Assert.Empty(Keys(type).Except(documented));
        Assert.Empty(documented.Except(Keys(type)));
    }

    [Theory]
    [MemberData(nameof(Enums))]
    public void Reference_EveryEnumOfTheConfigurationFiles_HasARowForEachValue(string name)
    {
        var type = Reachable().Single(t => t.Name == name);
        var documented = ConfigurationReference.Entries("enum", name);

        Assert.True(documented is not null, $"docs/configuration.md has no '<!-- enum: {name} -->' table");
        var values = Enum.GetNames(type).Select(n => ConfigJson.EnumName(type, n)).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(values.Except(documented));
        Assert.Empty(documented.Except(values));
    }

    [Fact]
    public void Reference_CanonicalFields_AreListedEachOnce()
    {
        var documented = ConfigurationReference.Entries("canonical", "fields");

        Assert.Equal(CanonicalField.All.Order(StringComparer.Ordinal), documented!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Reference_Walk_FindsTheEnumsCustodiansWrite()
    {
        // The walk itself must reach deep: a blocking transform and a comparison method sit four levels down a project.
        Assert.Contains(typeof(LinkService.Configuration.Projects.Linkage.KeyTransform), Reachable());
        Assert.Contains(typeof(LinkService.Configuration.Projects.Linkage.ComparisonMethod), Reachable());
        Assert.Contains(typeof(LinkService.Configuration.Projects.Outputs.ColumnTransform), Reachable());
    }

    private static HashSet<string> Keys(Type type) =>
        JsonProperties(type).Select(ConfigJson.PropertyName).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<PropertyInfo> JsonProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.CanWrite && p.GetIndexParameters().Length == 0);

    /// <summary>Every class and enum of this assembly a configuration file can hold, as the loader binds them.</summary>
    private static List<Type> Reachable()
    {
        var found = new List<Type>();
        var queue = new Queue<Type>(Files);
        while (queue.TryDequeue(out var type))
        {
            type = Unwrap(type);
            if (type.Assembly != typeof(SourceDefinition).Assembly || found.Contains(type))
            {
                continue;
            }

            found.Add(type);
            if (!type.IsEnum)
            {
                foreach (var property in JsonProperties(type))
                {
                    queue.Enqueue(property.PropertyType);
                }
            }
        }

        return found;
    }

    private static Type Unwrap(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return underlying;
        }

        if (type.IsGenericType && type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            return Unwrap(type.GetGenericArguments()[^1]);
        }

        return type;
    }
}
