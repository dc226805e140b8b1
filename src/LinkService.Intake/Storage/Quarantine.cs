using System.IO.Abstractions;
using System.Text;
using LinkService.Ledger.Deliveries;

namespace LinkService.Intake.Storage;

/// <summary>Where refused, rejected and duplicate deliveries are kept whole, each with a file saying why. Nothing here is deleted.</summary>
internal sealed class Quarantine(IFileSystem fileSystem, DeliveryFiles files)
{
    /// <summary>Writes the reason file, then moves <paramref name="from"/> in, if it is still there. Safe to repeat.</summary>
    public async Task PlaceAsync(Delivery delivery, string from, CancellationToken cancellationToken)
    {
        var to = delivery.QuarantinePath ?? files.Quarantine(delivery.Source, delivery.Id, delivery.OriginalName);
        await AtomicFile.WriteAllTextAsync(fileSystem, files.QuarantineReason(delivery.Source, delivery.Id), ReasonText(delivery), cancellationToken);

        var entry = fileSystem.FileInfo.New(from);
        if (entry.LinkTarget is { } target)
        {
            // Recreate the link rather than move it: a move across volumes would copy what it points at.
            if (!fileSystem.FileInfo.New(to).Exists && fileSystem.FileInfo.New(to).LinkTarget is null)
            {
                fileSystem.File.CreateSymbolicLink(to, target);
            }

            fileSystem.File.Delete(from);
        }
        else if (entry.Exists)
        {
            fileSystem.File.Move(from, to, overwrite: true);
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
