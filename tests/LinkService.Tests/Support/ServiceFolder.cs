using System.Text.Json.Nodes;

namespace LinkService.Tests.Support;

/// <summary>
/// A working directory holding a copy of the default configuration, with its folders pointed inside
/// the temp directory, as a custodian's install would look.
/// </summary>
public sealed class ServiceFolder : IDisposable
{
    private readonly TempDirectory _dir = new();

    public ServiceFolder()
    {
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "config"), ConfigDirectory);
        EditAppSettings(settings =>
        {
            var folders = settings["LinkService"]!["Folders"]!;
            folders["Drop"] = Combine("var", "drop");
            folders["Work"] = Combine("var", "work");
            folders["Export"] = Combine("var", "export");
        });
    }

    public string Root => _dir.Path;

    public string ConfigDirectory => _dir.Combine("config");

    public string Combine(params string[] parts) => _dir.Combine(parts);

    public void EditAppSettings(Action<JsonNode> edit)
    {
        var path = Path.Combine(ConfigDirectory, "appsettings.json");
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        edit(node);
        File.WriteAllText(path, node.ToJsonString());
    }

    public void WriteConfigFile(string relativePath, string content) =>
        File.WriteAllText(Path.Combine(ConfigDirectory, relativePath), content);

    public void Dispose() => _dir.Dispose();

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
