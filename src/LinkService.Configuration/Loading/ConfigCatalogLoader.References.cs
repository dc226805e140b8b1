using System.Text.Json;

namespace LinkService.Configuration.Loading;

public static partial class ConfigCatalogLoader
{
    /// <summary>What a file says when it names a file of another folder that does not exist.</summary>
    private static string NoSuchFile(string what, string name, string folder) =>
        $"names {what} '{name}', but there is no {folder}/{name}.json";

    /// <summary>
    /// A file whose shape is wrong is not bound, yet the names it gives of other files can still be read from its
    /// JSON: checking them too reports a misspelt method and a missing source in one pass, not one after the other.
    /// </summary>
    private static void CheckUnboundReferences(
        string root, string folder, HashSet<string> bound, string property, string what, string targetFolder, HashSet<string> targets, ConfigErrors errors)
    {
        var directory = Path.Combine(root, folder);
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (bound.Contains(name) || ConfigJsonFile.Parse(file, new ConfigErrors(root)) is not { } document)
            {
                continue;
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty(property, out var named))
                {
                    continue;
                }

                var fileErrors = errors.ForFile(RelativeFile(root, folder, name));
                var references = named.ValueKind == JsonValueKind.Array ? named.EnumerateArray().Select((e, i) => (e, $"$.{property}[{i}]")) : [(named, $"$.{property}")];
                foreach (var (element, path) in references)
                {
                    if (element.ValueKind == JsonValueKind.String && element.GetString() is { } target && !targets.Contains(target))
                    {
                        fileErrors.Add(path, NoSuchFile(what, target, targetFolder));
                    }
                }
            }
        }
    }
}
