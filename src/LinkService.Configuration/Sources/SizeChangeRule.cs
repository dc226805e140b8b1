using LinkService.Configuration.Loading;

namespace LinkService.Configuration.Sources;

/// <summary>
/// How far a delivery's accepted row count may move from the source's previous accepted delivery before it is held
/// for the custodian (<c>sizeChange</c>): a truncated or doubled extract would otherwise become the next run's input.
/// </summary>
public sealed class SizeChangeRule : IValidatableConfig
{
    /// <summary>The largest ratio, either way, between the new and the previous count: 5 holds a delivery of under a fifth, or over five times, as many rows.</summary>
    public required double MaxRatio { get; init; }

    /// <summary>Whether <paramref name="rows"/> moved further than the ratio allows from <paramref name="previousRows"/>.</summary>
    public bool Exceeded(long rows, long previousRows) =>
        rows == 0 || previousRows == 0
            ? rows != previousRows
            : Math.Max(rows, previousRows) > MaxRatio * Math.Min(rows, previousRows);

    public void Validate(ConfigErrors errors, string path)
    {
        if (!(MaxRatio > 1) || double.IsInfinity(MaxRatio))
        {
            errors.Add($"{path}.maxRatio", "must be a number greater than 1 (5 holds a delivery with under a fifth or over five times the rows of the previous one)");
        }
    }
}
