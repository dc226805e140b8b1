using System.Text.Json.Nodes;
using LinkService.Deliveries.SetAside;

namespace LinkService.Intake.Checks;

/// <summary>
/// The verdict on a stored delivery. <see cref="Reasons"/>, <see cref="Report"/> and <see cref="Summary"/> go into
/// the receipt the department reads: they name rows, fields and rules, never a data value.
/// </summary>
public sealed record DeliveryCheckResult
{
    public required bool Accepted { get; init; }

    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>A structured report, embedded as <c>report</c> in the receipt's JSON.</summary>
    public JsonNode? Report { get; init; }

    /// <summary>A readable summary, appended to the receipt's text.</summary>
    public string? Summary { get; init; }

    /// <summary>
    /// The complete list of row errors (CSV naming rows, fields and problems, never a value) in the service's work area,
    /// when <see cref="Summary"/> cannot name every failing row; the receipt publishes it beside itself. Null: none.
    /// </summary>
    public string? ErrorsFile { get; init; }

    /// <summary>How many row errors <see cref="ErrorsFile"/> holds when it lists only the first ones; null when it lists them all.</summary>
    public long? ErrorsFileStopsAt { get; init; }

    /// <summary>Rows set aside as invalid, with their fingerprints (accepted deliveries only); intake keeps them beside the stored copy.</summary>
    public IReadOnlyList<SetAsideRow> SetAsideRows { get; init; } = [];

    /// <summary>How many rows were accepted (read, less those set aside); what a source's <c>sizeChange</c> compares. Null: not counted.</summary>
    public long? AcceptedRows { get; init; }

    public static DeliveryCheckResult Accept() => new() { Accepted = true };

    public static DeliveryCheckResult Reject(params string[] reasons) => new() { Accepted = false, Reasons = reasons };
}
