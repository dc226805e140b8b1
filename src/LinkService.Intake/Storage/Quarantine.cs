using System.IO.Abstractions;
using System.Text;
using LinkService.Ledger.Deliveries;

namespace LinkService.Intake.Storage;

/// <summary>
/// Where refused, rejected and duplicate deliveries are kept whole, each with a file saying why. Nothing here is
/// deleted but by retention, after the source's period; a link a department delivered is never kept, only recorded.
/// </summary>
internal sealed class Quarantine(IFileSystem fileSystem, DeliveryFiles files)
{
    /// <summary>Writes the reason file, then moves <paramref name="from"/> in, if it is still there. Safe to repeat.</summary>
    public async Task PlaceAsync(Delivery delivery, string from, CancellationToken cancellationToken)
    {
        var to = delivery.QuarantinePath ?? files.Quarantine(delivery.Source, delivery.Id, delivery.OriginalName);
        await AtomicFile.WriteAllTextAsync(fileSystem, files.QuarantineReason(delivery.Source, delivery.Id), ReasonText(delivery), cancellationToken);

        var entry = fileSystem.FileInfo.New(from);
        if (entry.LinkTarget is not null)
        {
            // A link is recorded (the ledger and the receipt say the delivery was one) and removed: deleting it unlinks
            // the link itself, never its target, and it is never recreated here pointing where the department chose.
            fileSystem.File.Delete(from);
        }
        else if (entry.Exists)
        {
            fileSystem.File.Move(from, to, overwrite: true);
            RemoveIfNotAPlainFile(to);
        }
    }

    /// <summary>
    /// A department can swap its file for a link or a folder between the look above and the move (a rename moves
    /// whatever has the name, without following it); what arrived in quarantine is then removed, never kept.
    /// </summary>
    private void RemoveIfNotAPlainFile(string path)
    {
        if (fileSystem.FileInfo.New(path).LinkTarget is not null)
        {
            fileSystem.File.Delete(path);
        }
        else if (fileSystem.Directory.Exists(path))
        {
            fileSystem.Directory.Delete(path, recursive: true);
        }
    }

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
