using System.Text.Json.Serialization;
using LinkService.Configuration.Loading;
using LinkService.Configuration.Retention;

namespace LinkService.Configuration.Sources;

/// <summary>
/// How long the service keeps what a source delivered, each counted from the delivery's arrival (<see cref="RetentionPeriod"/>).
/// Absent: kept until a custodian removes it, as before retention existed.
/// </summary>
public sealed class SourceRetention : IValidatableConfig
{
    /// <summary>The stored copy of an accepted delivery, with its identifiers: deleted after this once no project needs it any more.</summary>
    public string? RawExtracts { get; init; }

    /// <summary>What quarantine holds of a delivery: a refused, rejected or duplicate file whole, its reasons, its set-aside rows.</summary>
    public string? Quarantine { get; init; }

    /// <summary>The delivery's receipts in the department's outbox.</summary>
    public string? Receipts { get; init; }

    [JsonIgnore]
    public RetentionPeriod? RawExtractsPeriod => RetentionPeriod.TryParse(RawExtracts);

    [JsonIgnore]
    public RetentionPeriod? QuarantinePeriod => RetentionPeriod.TryParse(Quarantine);

    [JsonIgnore]
    public RetentionPeriod? ReceiptsPeriod => RetentionPeriod.TryParse(Receipts);

    public void Validate(ConfigErrors errors, string path)
    {
        foreach (var (name, text) in new[] { ("rawExtracts", RawExtracts), ("quarantine", Quarantine), ("receipts", Receipts) })
        {
            if (text is not null && RetentionPeriod.TryParse(text) is null)
            {
                errors.Add($"{path}.{name}", $"must be {RetentionPeriod.Expected}, not \"{text}\"");
            }
        }
    }
}
