using System.Text.Json;
using LinkService.Configuration.Loading;

namespace LinkService.Settings;

/// <summary>
/// Checks one settings file's keys and kinds of value: the top-level keys, every key of LinkService's own
/// sections against its options class, and Serilog's section as far as <see cref="SerilogSection"/> goes.
/// Microsoft.Extensions.Configuration ignores a key nobody binds, so a typo ('Wrok') would silently leave the
/// default in force: here it is an error.
/// </summary>
internal static class AppSettingsShape
{
    public const string SerilogKey = "Serilog";

    /// <summary>Records every problem; adds to <paramref name="flagged"/> the keys of the sections that had one.</summary>
    public static void Check(JsonElement root, IReadOnlyList<SettingsSection> sections, ConfigErrors errors, ISet<string> flagged) =>
        CheckNode(root, Tree(sections, flagged), errors, "$");

    private static void CheckNode(JsonElement element, Node node, ConfigErrors errors, string path)
    {
        if (node.Leaf is not null)
        {
            node.Leaf(element, errors, path);
            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"must be an object, not {JsonShapeChecker.Describe(element)}");
            return;
        }

        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in element.EnumerateObject())
        {
            var memberPath = $"{path}.{member.Name}";
            if (JsonShapeChecker.IsRepeated(member, seen, errors, path))
            {
                continue;
            }

            if (node.Children.TryGetValue(member.Name, out var child))
            {
                CheckNode(member.Value, child, errors, memberPath);
            }
            else
            {
                var known = node.Children.Keys.Order(StringComparer.Ordinal).ToList();
                var hint = NearestName.Find(member.Name, known) is { } near ? $"; did you mean '{near}'?" : $" (known here: {string.Join(", ", known)})";
                errors.Add(memberPath, "is not a setting LinkService reads" + hint);
            }
        }
    }

    private static Node Tree(IReadOnlyList<SettingsSection> sections, ISet<string> flagged)
    {
        var root = new Node();
        root.Children[SerilogKey] = new Node { Leaf = SerilogSection.Check };
        foreach (var section in sections)
        {
            var node = root;
            foreach (var part in section.Key.Split(':'))
            {
                node = node.Children.TryGetValue(part, out var child) ? child : node.Children[part] = new Node();
            }

            node.Leaf = (element, errors, path) =>
            {
                var before = errors.All.Count;
                JsonShapeChecker.Check(element, section.OptionsType, JsonShape.AppSettings, errors, path);
                if (errors.All.Count > before)
                {
                    flagged.Add(section.Key);
                }
            };
        }

        return root;
    }

    private sealed class Node
    {
        public Dictionary<string, Node> Children { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Action<JsonElement, ConfigErrors, string>? Leaf { get; set; }
    }
}
