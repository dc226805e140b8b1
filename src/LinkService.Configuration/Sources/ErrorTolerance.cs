using LinkService.Configuration.Loading;

namespace LinkService.Configuration.Sources;

public enum ToleranceMode
{
    /// <summary>Any invalid row rejects the whole delivery.</summary>
    Reject,

    /// <summary>Invalid rows are set aside in quarantine and the rest accepted, up to the limits.</summary>
    SetAside,
}

/// <summary>How many bad rows a source may deliver before the whole file is rejected.</summary>
public sealed class ErrorTolerance : IValidatableConfig
{
    public ToleranceMode Mode { get; init; } = ToleranceMode.Reject;

    /// <summary>With <see cref="ToleranceMode.SetAside"/>: the most rows that may be set aside.</summary>
    public long? MaxRows { get; init; }

    /// <summary>With <see cref="ToleranceMode.SetAside"/>: the largest share of rows (0 to 1) that may be set aside.</summary>
    public double? MaxShare { get; init; }

    public void Validate(ConfigErrors errors, string path)
    {
        if (MaxRows is < 0)
        {
            errors.Add($"{path}.maxRows", "must not be negative");
        }

        if (MaxShare is < 0 or > 1)
        {
            errors.Add($"{path}.maxShare", "must be between 0 and 1");
        }

        if (Mode == ToleranceMode.Reject && (MaxRows is not null || MaxShare is not null))
        {
            errors.Add($"{path}.mode", "limits apply only with mode 'set-aside'");
        }
    }
}
