using LinkService.Configuration.Loading;

namespace LinkService.Configuration.Sources;

/// <summary>What proves that an upload has finished.</summary>
public enum CompletionSignal
{
    /// <summary>Size and modification time unchanged for the quiet period.</summary>
    Quiet,

    /// <summary>Quiet, and a marker file <c>&lt;name&gt;&lt;markerSuffix&gt;</c> exists.</summary>
    Marker,

    /// <summary>Quiet, and a <c>&lt;name&gt;.sha256</c> sidecar exists whose digest the file matches.</summary>
    Checksum,
}

/// <summary>When the service may take a file from the drop folder.</summary>
public sealed class CompletionRule : IValidatableConfig
{
    /// <summary>How long size and modification time must stay unchanged. Default 30 seconds.</summary>
    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromSeconds(30);

    public CompletionSignal Signal { get; init; } = CompletionSignal.Quiet;

    public string MarkerSuffix { get; init; } = ".done";

    public void Validate(ConfigErrors errors, string path)
    {
        if (QuietPeriod < TimeSpan.Zero || QuietPeriod > TimeSpan.FromHours(24))
        {
            errors.Add($"{path}.quietPeriod", "must be between 00:00:00 and 24:00:00");
        }

        if (Signal == CompletionSignal.Marker && (string.IsNullOrWhiteSpace(MarkerSuffix) || !MarkerSuffix.StartsWith('.')))
        {
            errors.Add($"{path}.markerSuffix", "must start with '.' (for example '.done')");
        }
    }
}
