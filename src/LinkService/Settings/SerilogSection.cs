using System.Reflection;
using System.Text.Json;
using LinkService.Configuration.Loading;
using Serilog.Events;

namespace LinkService.Settings;

/// <summary>
/// Checks the <c>Serilog</c> section as deep as a mistake would pass silently or stop the start with a library's
/// exception, and no deeper: its own keys (Serilog.Settings.Configuration ignores one it does not know, so a
/// misspelt <c>WriteTo</c> loses every log), levels (an unknown one throws at start), assemblies in <c>Using</c>
/// (one that cannot be loaded throws), and each sink or enricher entry's <c>Name</c> and <c>Args</c> layout,
/// nested loggers included. The names of sinks and their arguments belong to each sink's own methods, which
/// Serilog finds by reflection over the assemblies: checking them would mean reading the section a second way.
/// </summary>
internal static class SerilogSection
{
    private static readonly string[] LoggerKeys = ["MinimumLevel", "WriteTo", "AuditTo", "Enrich", "Filter", "Destructure", "Properties"];

    private static readonly string[] RootOnlyKeys = ["Using", "LevelSwitches", "FilterSwitches"];

    private static readonly string[] MinimumLevelKeys = ["Default", "Override", "ControlledBy"];

    private static readonly string[] EntryKeys = ["Name", "Args"];

    public static void Check(JsonElement element, ConfigErrors errors, string path) => CheckLogger(element, [.. RootOnlyKeys, .. LoggerKeys], errors, path);

    private static void CheckLogger(JsonElement element, string[] known, ConfigErrors errors, string path)
    {
        foreach (var (name, value, memberPath) in Members(element, known, errors, path))
        {
            switch (name)
            {
                case "Using":
                    CheckUsing(value, errors, memberPath);
                    break;
                case "MinimumLevel":
                    CheckMinimumLevel(value, errors, memberPath);
                    break;
                case "WriteTo" or "AuditTo" or "Enrich" or "Filter" or "Destructure":
                    CheckEntries(value, errors, memberPath);
                    break;
                case "LevelSwitches":
                    foreach (var (_, level, levelPath) in Members(value, null, errors, memberPath))
                    {
                        CheckLevel(level, errors, levelPath);
                    }

                    break;
                default:
                    JsonShapeChecker.Expect(value, JsonValueKind.Object, "an object", errors, memberPath);
                    break;
            }
        }
    }

    private static void CheckUsing(JsonElement element, ConfigErrors errors, string path)
    {
        if (!JsonShapeChecker.Expect(element, JsonValueKind.Array, "an array of assembly names", errors, path))
        {
            return;
        }

        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = $"{path}[{i++}]";
            if (!JsonShapeChecker.Expect(item, JsonValueKind.String, "an assembly name", errors, itemPath))
            {
                continue;
            }

            // Loaded as Serilog.Settings.Configuration will load it: one that cannot be loaded stops the start.
            try
            {
                _ = Assembly.Load(new AssemblyName(item.GetString()!));
            }
            catch (Exception ex) when (ex is IOException or BadImageFormatException or ArgumentException)
            {
                errors.Add(itemPath, $"the assembly '{item.GetString()}' cannot be loaded (is its package installed with the service?)");
            }
        }
    }

    private static void CheckMinimumLevel(JsonElement element, ConfigErrors errors, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            CheckLevel(element, errors, path);
            return;
        }

        foreach (var (name, value, memberPath) in Members(element, MinimumLevelKeys, errors, path))
        {
            if (name == "Override")
            {
                foreach (var (_, level, levelPath) in Members(value, null, errors, memberPath))
                {
                    CheckLevel(level, errors, levelPath);
                }
            }
            else if (name == "Default")
            {
                CheckLevel(value, errors, memberPath);
            }
            else
            {
                JsonShapeChecker.Expect(value, JsonValueKind.String, "the name of a level switch", errors, memberPath);
            }
        }
    }

    private static void CheckLevel(JsonElement element, ConfigErrors errors, string path)
    {
        var levels = Enum.GetNames<LogEventLevel>();
        var text = element.ValueKind == JsonValueKind.String ? element.GetString()! : null;
        if (text is null || (!text.StartsWith('$') && !levels.Contains(text, StringComparer.OrdinalIgnoreCase)))
        {
            var hint = text is null ? "" : NearestName.Hint(text, levels);
            errors.Add(path, $"must be a level ({string.Join(", ", levels)}), not {JsonShapeChecker.Describe(element)}{hint}");
        }
    }

    /// <summary>Sinks, enrichers, filters: an array (or object) of entries, each a method name or <c>{ "Name": …, "Args": { … } }</c>.</summary>
    private static void CheckEntries(JsonElement element, ConfigErrors errors, string path)
    {
        var entries = element.ValueKind switch
        {
            JsonValueKind.Array => element.EnumerateArray().Select((e, i) => (Value: e, Path: $"{path}[{i}]")).ToList(),
            JsonValueKind.Object => element.EnumerateObject().Select(p => (Value: p.Value, Path: $"{path}.{p.Name}")).ToList(),
            _ => null,
        };
        if (entries is null)
        {
            errors.Add(path, $"must be an array of entries, not {JsonShapeChecker.Describe(element)}");
            return;
        }

        foreach (var (entry, entryPath) in entries)
        {
            if (entry.ValueKind == JsonValueKind.String)
            {
                continue;
            }

            var hasName = false;
            foreach (var (name, value, memberPath) in Members(entry, EntryKeys, errors, entryPath))
            {
                if (name == "Name")
                {
                    hasName = JsonShapeChecker.Expect(value, JsonValueKind.String, "a string", errors, memberPath);
                }
                else if (JsonShapeChecker.Expect(value, JsonValueKind.Object, "an object", errors, memberPath))
                {
                    CheckNestedLoggers(value, errors, memberPath);
                }
            }

            if (!hasName && entry.ValueKind == JsonValueKind.Object)
            {
                errors.Add($"{entryPath}.Name", "is required: it names the sink, enricher or filter");
            }
        }
    }

    // The 'Logger' sink's configureLogger is a logger of its own, with the same keys.
    private static void CheckNestedLoggers(JsonElement args, ConfigErrors errors, string path)
    {
        foreach (var arg in args.EnumerateObject().Where(a => string.Equals(a.Name, "configureLogger", StringComparison.OrdinalIgnoreCase)))
        {
            CheckLogger(arg.Value, LoggerKeys, errors, $"{path}.{arg.Name}");
        }
    }

    /// <summary>
    /// An object's members, keyed in any case as the configuration reader keys them; repeats, and names outside
    /// <paramref name="known"/> (when given), are recorded and skipped. Each comes with its canonical name.
    /// </summary>
    private static IEnumerable<(string Name, JsonElement Value, string Path)> Members(JsonElement element, string[]? known, ConfigErrors errors, string path)
    {
        if (!JsonShapeChecker.Expect(element, JsonValueKind.Object, "an object", errors, path))
        {
            yield break;
        }

        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in element.EnumerateObject())
        {
            var memberPath = $"{path}.{member.Name}";
            if (JsonShapeChecker.IsRepeated(member, seen, errors, path))
            {
                continue;
            }

            var name = known is null ? member.Name : known.FirstOrDefault(k => string.Equals(k, member.Name, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                var hint = NearestName.Find(member.Name, known!) is { } near ? $"; did you mean '{near}'?" : $" (known here: {string.Join(", ", known!)})";
                errors.Add(memberPath, "is not a key Serilog reads" + hint);
                continue;
            }

            yield return (name, member.Value, memberPath);
        }
    }
}
