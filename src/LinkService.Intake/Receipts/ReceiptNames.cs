using System.Text;
using LinkService.Intake.Outbox;
using LinkService.Ledger.Deliveries;

namespace LinkService.Intake.Receipts;

/// <summary>
/// The one place that names a delivery's files in its source's outbox: the delivered file's name, then the delivery
/// id (the UTC time it was received, <c>yyyyMMddTHHmmssZ</c>, then random hex: sortable, safe in file names and
/// never shared by two deliveries), then what the file is. <c>claims_2026_11.csv.20261125T090000Z-1a2b3c4d.receipt.txt</c>.
/// </summary>
public static class ReceiptNames
{
    public const string TextSuffix = ".receipt.txt";
    public const string JsonSuffix = ".receipt.json";
    public const string ErrorsSuffix = ".errors.csv";

    public static string Text(Delivery delivery) => Text(delivery.OriginalName, delivery.Id);

    public static string Json(Delivery delivery) => Json(delivery.OriginalName, delivery.Id);

    /// <summary>The complete list of a delivery's row errors, when its receipt cannot name them all.</summary>
    public static string Errors(Delivery delivery) => Stem(delivery.OriginalName, delivery.Id, ErrorsSuffix) + ErrorsSuffix;

    /// <param name="originalName">The delivered name as the ledger keeps it (escaped).</param>
    public static string Text(string originalName, string deliveryId) => Stem(originalName, deliveryId, TextSuffix) + TextSuffix;

    /// <param name="originalName">The delivered name as the ledger keeps it (escaped).</param>
    public static string Json(string originalName, string deliveryId) => Stem(originalName, deliveryId, JsonSuffix) + JsonSuffix;

    /// <summary>
    /// The delivered name as the ledger keeps it (escaped: no control or direction character, see <c>DropNames</c>),
    /// with a folder separator (a file refused from a sub-folder) made plain, and shortened so the whole name fits.
    /// </summary>
    private static string Stem(string originalName, string deliveryId, string suffix)
    {
        var tail = "." + deliveryId;
        var name = originalName.Replace('/', '_').Replace(Path.DirectorySeparatorChar, '_');
        var room = OutboxFile.MaxNameBytes - Encoding.UTF8.GetByteCount(tail + suffix);
        var kept = new StringBuilder();
        var bytes = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > room)
            {
                break;
            }

            kept.Append(rune.ToString());
        }

        return kept + tail;
    }
}
