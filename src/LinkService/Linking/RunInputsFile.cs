using System.Text.Json;
using LinkService.Configuration.Folders;
using LinkService.Ledger.Deliveries;
using LinkService.Linkage.Running;

namespace LinkService.Linking;

/// <summary>
/// <c>inputs.json</c> in a run folder: the deliveries the run linked, so the folder says on its own what it was made
/// from (the ledger says the same under its audit chain). Ids, names, sizes, digests and counts; never a value.
/// </summary>
internal static class RunInputsFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task WriteAsync(string runFolder, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        var document = new
        {
            deliveries = deliveries.Select(d => new
            {
                id = d.Id,
                source = d.Source,
                file = d.OriginalName,
                bytes = d.Bytes,
                sha256 = d.Sha256,
                receivedAt = d.ReceivedAt,
                acceptedRows = d.AcceptedRows,
                setAsideRows = d.SetAsideRows,
            }),
        };
        await using var stream = OwnFile.Create(Path.Combine(runFolder, RunFiles.Inputs));
        await JsonSerializer.SerializeAsync(stream, document, Indented, cancellationToken);
    }
}
