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
/// Writes a delivery's receipt, <c>.receipt.json</c> and <c>.receipt.txt</c> (<see cref="ReceiptNames"/>), into the
/// source's outbox, each atomically and through <see cref="OutboxFile"/>: the department reads them there, and nothing
/// it does redirects the write. When the check's groups cannot name every failing row, the complete list of row
/// errors goes beside them (<c>.errors.csv</c>) and the text says so. A receipt names the delivery, its file, size,
/// digest, outcome and reasons, rows and fields; never a value from the file.
/// </summary>
internal sealed class ReceiptWriter(DeliveryFiles files, TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task WriteAsync(Delivery delivery, ReceiptOutcome outcome, IReadOnlyList<string> reasons, DeliveryCheckResult? check, CancellationToken cancellationToken)
    {
        // A "received" receipt is replaced within the minute; losing it in a power cut loses nothing.
        var durable = outcome != ReceiptOutcome.Received;

        // The list first: a receipt never points at a file that is not there yet.
        string? errorsName = null;
        if (check?.ErrorsFile is { } errors && File.Exists(errors))
        {
            errorsName = ReceiptNames.Errors(delivery);
            await OutboxFile.CopyAsync(files.Paths.DropRoot, Outbox(delivery), errorsName, errors, durable, cancellationToken);
        }

        var json = new JsonObject
        {
            ["deliveryId"] = delivery.Id,
            ["source"] = delivery.Source,
            ["originalName"] = delivery.OriginalName,
            ["bytes"] = delivery.Bytes ?? delivery.DropBytes,
            ["sha256"] = delivery.Sha256,
            ["receivedAt"] = delivery.ReceivedAt,
            ["outcome"] = ReceiptMeanings.Name(outcome),
            ["meaning"] = ReceiptMeanings.Of(outcome),
            ["reasons"] = new JsonArray([.. reasons.Select(r => JsonValue.Create(r))]),
            ["duplicateOf"] = delivery.DuplicateOf,
            ["setAsideRows"] = check?.SetAsideRows.Count ?? delivery.SetAsideRows,
            ["errorsFile"] = errorsName,
            ["report"] = check?.Report?.DeepClone(),
            ["writtenAt"] = timeProvider.GetUtcNow(),
        };
        await PublishAsync(delivery, ReceiptNames.Json(delivery), json.ToJsonString(Indented), durable, cancellationToken);
        await PublishAsync(delivery, ReceiptNames.Text(delivery), Text(delivery, outcome, reasons, check, errorsName), durable, cancellationToken);
    }

    private string Outbox(Delivery delivery) => files.Paths.ReceiptsFolder(delivery.Source);

    private Task PublishAsync(Delivery delivery, string name, string text, bool durable, CancellationToken cancellationToken) =>
        OutboxFile.WriteAsync(files.Paths.DropRoot, Outbox(delivery), name, Encoding.UTF8.GetBytes(text), durable, cancellationToken);

    private static string Text(Delivery delivery, ReceiptOutcome outcome, IReadOnlyList<string> reasons, DeliveryCheckResult? check, string? errorsName)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Delivery {delivery.Id} from {delivery.Source}: {ReceiptMeanings.Name(outcome)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Meaning:  {ReceiptMeanings.Of(outcome)}")
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

        if (errorsName is not null)
        {
            var which = check?.ErrorsFileStopsAt is { } listed
                ? string.Create(CultureInfo.InvariantCulture, $"The first {listed:N0} row errors (the counts above cover the whole file) are listed")
                : "Every failing row is listed";
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{which} in {errorsName} beside this receipt (row, line, field, column, error type, problem; never a value).");
        }

        return text.ToString();
    }
}
