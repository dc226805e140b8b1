using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinkService.Intake.Checks;
using LinkService.Intake.Outbox;
using LinkService.Intake.Storage;
using LinkService.Ledger.Deliveries;

namespace LinkService.Intake.Receipts;

/// <summary>
/// Writes <c>&lt;deliveryId&gt;.json</c> and <c>.txt</c> into the source's outbox, each atomically and through
/// <see cref="OutboxFile"/>: the department reads them there, and nothing it does redirects the write.
/// A receipt names the delivery, its file, size, digest, outcome and reasons; never a value from the file.
/// </summary>
internal sealed class ReceiptWriter(DeliveryFiles files, TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task WriteAsync(Delivery delivery, ReceiptOutcome outcome, IReadOnlyList<string> reasons, DeliveryCheckResult? check, CancellationToken cancellationToken)
    {
        var outcomeName = outcome.ToString().ToLowerInvariant();
        var json = new JsonObject
        {
            ["deliveryId"] = delivery.Id,
            ["source"] = delivery.Source,
            ["originalName"] = delivery.OriginalName,
            ["bytes"] = delivery.Bytes ?? delivery.DropBytes,
            ["sha256"] = delivery.Sha256,
            ["receivedAt"] = delivery.ReceivedAt,
            ["outcome"] = outcomeName,
            ["reasons"] = new JsonArray([.. reasons.Select(r => JsonValue.Create(r))]),
            ["duplicateOf"] = delivery.DuplicateOf,
            ["setAsideRows"] = check?.SetAsideRows.Count ?? delivery.SetAsideRows,
            ["report"] = check?.Report?.DeepClone(),
            ["writtenAt"] = timeProvider.GetUtcNow(),
        };
        // A "received" receipt is replaced within the minute; losing it in a power cut loses nothing.
        var transient = outcome == ReceiptOutcome.Received;
        await PublishAsync(delivery, ".json", json.ToJsonString(Indented), transient, cancellationToken);
        await PublishAsync(delivery, ".txt", Text(delivery, outcomeName, reasons, check), transient, cancellationToken);
    }

    private Task PublishAsync(Delivery delivery, string extension, string text, bool transient, CancellationToken cancellationToken) =>
        OutboxFile.WriteAsync(
            files.Paths.DropRoot,
            files.Paths.ReceiptsFolder(delivery.Source),
            DeliveryFiles.ReceiptName(delivery.Id, extension),
            Encoding.UTF8.GetBytes(text),
            durable: !transient,
            cancellationToken);

    private static string Text(Delivery delivery, string outcome, IReadOnlyList<string> reasons, DeliveryCheckResult? check)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Delivery {delivery.Id} from {delivery.Source}: {outcome}")
            .AppendLine(CultureInfo.InvariantCulture, $"File:     {delivery.OriginalName}")
            .AppendLine(CultureInfo.InvariantCulture, $"Bytes:    {delivery.Bytes ?? delivery.DropBytes}")
            .AppendLine(CultureInfo.InvariantCulture, $"SHA-256:  {delivery.Sha256 ?? "-"}")
            .AppendLine(CultureInfo.InvariantCulture, $"Received: {delivery.ReceivedAt:yyyy-MM-dd HH:mm:ss} UTC");
        if (delivery.DuplicateOf is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Same content as delivery {delivery.DuplicateOf}; not processed again.");
        }

        foreach (var reason in reasons)
        {
            text.Append("  - ").AppendLine(reason);
        }

        if (!string.IsNullOrWhiteSpace(check?.Summary))
        {
            text.AppendLine().AppendLine(check.Summary.TrimEnd());
        }

        return text.ToString();
    }
}
