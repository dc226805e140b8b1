using System.Text.Json.Nodes;
using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Configuration.Loading;

namespace LinkService.Tests.Support;

/// <summary>
/// A working directory holding a copy of the default configuration, with its folders pointed inside
/// the temp directory, as a custodian's install would look.
/// </summary>
public sealed class ServiceFolder : IDisposable
{
    private readonly TempDirectory _dir;

    public ServiceFolder()
        : this(new TempDirectory())
    {
    }

    /// <summary>A site under <paramref name="parent"/> rather than the temp folder (an sshd chroot must be in no folder others can write).</summary>
    public ServiceFolder(string parent)
        : this(new TempDirectory(parent))
    {
    }

    private ServiceFolder(TempDirectory dir)
    {
        _dir = dir;
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

    /// <summary>A department's own folder (its chroot), holding its inbox and outbox.</summary>
    public string DropFolder(string source) => Paths.DropFolder(source);

    /// <summary>Where the department uploads.</summary>
    public string InboxFolder(string source) => Paths.InboxFolder(source);

    /// <summary>Where the service puts the department's receipts.</summary>
    public string OutboxFolder(string source) => Paths.OutboxFolder(source);

    public string WorkFolder => Combine("var", "work");

    /// <summary>The folders as the service resolves them here (the default relative layout under <see cref="Root"/>).</summary>
    public ServicePaths Paths => new(new FolderOptions { Drop = "var/drop", Work = "var/work", Export = "var/export" }, Root);

    /// <summary>The configuration as it stands now, loaded as the service loads it.</summary>
    public ConfigCatalog LoadCatalog() => ConfigCatalogLoader.Load(ConfigDirectory).Catalog!;

    /// <summary>Short timings so a test sees a delivery taken within a second or two.</summary>
    public void UseFastIntake()
    {
        EditAppSettings(settings =>
        {
            settings["LinkService"]!["Intake"]!["SweepInterval"] = "00:00:00.200";
            settings["LinkService"]!["Intake"]!["HintDelay"] = "00:00:00.050";

            // The shortest allowed: a file there before the service started waits this long, no close being known.
            settings["LinkService"]!["Intake"]!["FallbackQuietPeriod"] = "00:01:00";
        });
        foreach (var source in new[] { "justice", "welfare" })
        {
            EditConfigJson(Path.Combine("sources", source + ".json"), node => node["completion"]!["quietPeriod"] = "00:00:00.300");
        }
    }

    public void EditConfigJson(string relativePath, Action<JsonNode> edit)
    {
        var path = Path.Combine(ConfigDirectory, relativePath);
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        edit(node);
        File.WriteAllText(path, node.ToJsonString());
    }

    /// <summary>Every log line the service wrote, in the rolling file and the audit stream.</summary>
    public string AllLogText()
    {
        var logs = Combine("var", "work", "logs");
        if (!Directory.Exists(logs))
        {
            return "";
        }

        // The service may still hold the files open for writing.
        return string.Concat(Directory.EnumerateFiles(logs).Select(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));
    }

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
