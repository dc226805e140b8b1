using System.Text;
using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Intake.Outbox;
using Microsoft.Extensions.Logging;

namespace LinkService.Intake.Contract;

/// <summary>
/// Writes each source's contract (<c>CONTRACT.md</c>, <c>datapackage.json</c>) into its outbox through
/// <see cref="OutboxFile"/>, only where the content differs from what is there: at every start, so a configuration
/// change reaches the department with the next start, and a file untouched keeps its time.
/// </summary>
internal sealed class ContractPublisher(ConfigCatalog catalog, ServicePaths paths, TimeSpan fallbackQuietPeriod, ILogger logger)
{
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        foreach (var source in catalog.Sources.Values)
        {
            try
            {
                var outbox = paths.OutboxFolder(source.Name);
                var written = await WriteIfChangedAsync(outbox, ContractNames.Markdown, ContractMarkdown.Write(source, fallbackQuietPeriod), cancellationToken)
                    | await WriteIfChangedAsync(outbox, ContractNames.DataPackage, DataPackageJson.Write(source), cancellationToken);
                if (written)
                {
                    Log.ContractPublished(logger, source.Name);
                }
            }
            catch (IOException exception)
            {
                // One department's unusable outbox must not stop the others' contracts, or intake.
                Log.ContractNotPublished(logger, exception, source.Name);
            }
        }
    }

    private async Task<bool> WriteIfChangedAsync(string outbox, string name, string text, CancellationToken cancellationToken)
    {
        var content = Encoding.UTF8.GetBytes(text);
        var path = Path.Combine(outbox, name);

        // Only the service writes in the outbox; a link there is not its own, and is replaced rather than read.
        var info = new FileInfo(path);
        if (info.Exists && info.LinkTarget is null && info.Length == content.Length
            && (await File.ReadAllBytesAsync(path, cancellationToken)).AsSpan().SequenceEqual(content))
        {
            return false;
        }

        await OutboxFile.WriteAsync(paths.DropRoot, outbox, name, content, durable: true, cancellationToken);
        return true;
    }
}
