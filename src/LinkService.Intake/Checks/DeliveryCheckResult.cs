using System.Text.Json.Nodes;

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

    /// <summary>Row numbers set aside as invalid (accepted deliveries only); intake writes them to <c>&lt;store&gt;/&lt;deliveryId&gt;.excluded</c>.</summary>
    public IReadOnlyList<long> SetAsideRows { get; init; } = [];

    public static DeliveryCheckResult Accept() => new() { Accepted = true };

    public static DeliveryCheckResult Reject(params string[] reasons) => new() { Accepted = false, Reasons = reasons };
}
