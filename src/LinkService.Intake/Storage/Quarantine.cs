using System.IO.Abstractions;
using System.Text;
using LinkService.Ledger.Deliveries;

namespace LinkService.Intake.Storage;

/// <summary>
/// Where refused, rejected and duplicate deliveries are kept whole, each with a file saying why. Nothing here is
/// deleted but by retention, after the source's period; a link a department delivered, symbolic or hard, is never
/// kept, only recorded.
/// </summary>
internal sealed class Quarantine(IFileSystem fileSystem, DeliveryFiles files)
{
    /// <summary>Writes the reason file, then moves the store copy <paramref name="from"/> in, if it is still there. Safe to repeat.</summary>
    public Task PlaceAsync(Delivery delivery, string from, CancellationToken cancellationToken) =>
        PlaceAsync(delivery, from, dropFile: false, cancellationToken);

    /// <summary>
    /// As <see cref="PlaceAsync(Delivery, string, CancellationToken)"/> for a refused drop file, a name the department
    /// made: a hard link is then a link too. (A store copy has the names the service and the custodian's tools gave it.)
    /// </summary>
    public Task PlaceDropFileAsync(Delivery delivery, string from, CancellationToken cancellationToken) =>
        PlaceAsync(delivery, from, dropFile: true, cancellationToken);

    private async Task PlaceAsync(Delivery delivery, string from, bool dropFile, CancellationToken cancellationToken)
    {
        var to = delivery.QuarantinePath ?? files.Quarantine(delivery.Source, delivery.Id, delivery.OriginalName);
        await AtomicFile.WriteAllTextAsync(fileSystem, files.QuarantineReason(delivery.Source, delivery.Id), ReasonText(delivery), cancellationToken);

        if (IsLink(from, dropFile))
        {
            // A link is recorded (the ledger and the receipt say the delivery was one) and removed: deleting it unlinks
            // the link itself, never its target, and it is never recreated here pointing where the department chose. A
            // hard link kept here would keep a name to a file the department did not upload: only its drop name goes.
            fileSystem.File.Delete(from);
        }
        else if (fileSystem.File.Exists(from))
        {
            fileSystem.File.Move(from, to, overwrite: true);
            RemoveIfNotAPlainFile(to, dropFile);
        }
    }

    /// <summary>
    /// A department can swap its file for a link or a folder between the look above and the move (a rename moves
    /// whatever has the name, without following it); what arrived in quarantine is then removed, never kept.
    /// </summary>
    private void RemoveIfNotAPlainFile(string path, bool dropFile)
    {
        if (IsLink(path, dropFile))
        {
            fileSystem.File.Delete(path);
        }
        else if (fileSystem.Directory.Exists(path))
        {
            fileSystem.Directory.Delete(path, recursive: true);
        }
    }

    private bool IsLink(string path, bool dropFile) =>
        dropFile ? Links.IsAt(fileSystem, path) : fileSystem.FileInfo.New(path).LinkTarget is not null;

    private static string ReasonText(Delivery delivery)
    {
        var text = new StringBuilder()
            .Append("Delivery: ").AppendLine(delivery.Id)
            .Append("Source: ").AppendLine(delivery.Source)
            .Append("Original name: ").AppendLine(delivery.OriginalName)
            .Append("State: ").AppendLine(delivery.State.ToString())
            .AppendLine("Reasons:");
        foreach (var reason in delivery.Reasons)
        {
            text.Append("  - ").AppendLine(reason);
        }

        return text.ToString();
    }
}
