using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Configuration.Keys;
using LinkService.Deliveries.Store;
using LinkService.Ledger;
using LinkService.Ledger.Deliveries;
using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Bench.Link;

/// <summary>
/// A site in a folder of its own: a copy of the configuration with its folders pointed inside, a ledger, and each
/// source's extract in the store, recorded as intake records an accepted delivery (size and SHA-256, then accepted).
/// </summary>
internal sealed class BenchSite(string root)
{
    public string ConfigDirectory => Path.Combine(root, "config");

    public ServicePaths Paths => new(new FolderOptions { Drop = Path.Combine(root, "drop"), Work = Path.Combine(root, "work"), Export = Path.Combine(root, "export") }, root);

    public static BenchSite Create(string root, string configDirectory)
    {
        var site = new BenchSite(root);
        foreach (var file in Directory.EnumerateFiles(configDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(site.ConfigDirectory, Path.GetRelativePath(configDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        var settingsFile = Path.Combine(site.ConfigDirectory, "appsettings.json");
        var settings = JsonNode.Parse(File.ReadAllText(settingsFile))!;
        var folders = settings["LinkService"]!["Folders"]!;
        folders["Drop"] = Path.Combine(root, "drop");
        folders["Work"] = Path.Combine(root, "work");
        folders["Export"] = Path.Combine(root, "export");
        File.WriteAllText(settingsFile, settings.ToJsonString());
        return site;
    }

    /// <summary>
    /// Puts each source's extract in the store (moved when <paramref name="move"/>, else copied) and records it accepted.
    /// The site's master key is a copy of <paramref name="keyFile"/> where given (so that two benches' outputs can be
    /// compared byte for byte), else a new one.
    /// </summary>
    public async Task StoreAsync(ConfigCatalog catalog, IEnumerable<string> sources, string dataDirectory, bool move, string? keyFile, CancellationToken cancellationToken)
    {
        var paths = Paths;
        Directory.CreateDirectory(paths.KeysFolder);
        if (keyFile is null)
        {
            MasterKeyFile.TryCreate(paths.MasterKeyFile);
        }
        else
        {
            File.Copy(keyFile, paths.MasterKeyFile);
        }

        await using var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddSingleton(paths).AddLedger().BuildServiceProvider();
        var ledger = services.GetRequiredService<ILedger>();
        foreach (var name in sources)
        {
            var source = catalog.Sources[name];
            var file = Directory.EnumerateFiles(Path.Combine(dataDirectory, name)).Where(f => source.MatchesFileName(Path.GetFileName(f))).Order(StringComparer.Ordinal).First();
            var bytes = new FileInfo(file).Length;
            var received = await ledger.RecordReceivedAsync(new NewDelivery(name, Path.GetFileName(file), bytes, TimeProvider.System.GetUtcNow()), cancellationToken);
            var stored = StoreFiles.Delivery(paths, name, received.Id, received.OriginalName);
            Directory.CreateDirectory(Path.GetDirectoryName(stored)!);
            if (move)
            {
                File.Move(file, stored);
            }
            else
            {
                File.Copy(file, stored);
            }

            string sha256;
            await using (var stream = File.OpenRead(stored))
            {
                sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            }

            await ledger.MarkStoredAsync(received.Id, new StoredFile(sha256, bytes), cancellationToken);
            await ledger.RecordOutcomeAsync(received.Id, new DeliveryOutcome { State = DeliveryState.Accepted }, cancellationToken);
            await ledger.MarkSettledAsync(received.Id, cancellationToken);
            Console.WriteLine($"stored {name}: {bytes / 1e6:F0} MB as delivery {received.Id}");
        }
    }
}
