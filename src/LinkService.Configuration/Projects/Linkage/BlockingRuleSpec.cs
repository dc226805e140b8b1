namespace LinkService.Configuration.Projects.Linkage;

/// <summary>A blocking rule: pairs agreeing on every key are compared. Rules are unioned.</summary>
public sealed class BlockingRuleSpec
{
    /// <summary>A label for reports; defaults to the keys joined.</summary>
    public string? Name { get; init; }

    public required IReadOnlyList<BlockingKeySpec> Keys { get; init; }

    /// <summary>Blocks with more records than this are skipped (and reported) rather than compared.</summary>
    public int MaxBlockSize { get; init; } = 2_000;

    /// <summary>
    /// The first two keys (two name fields, exact) are taken in either order, so JOHN SMITH and SMITH JOHN fall in one
    /// block: names swapped between the forename and surname columns still meet.
    /// </summary>
    public bool AnyOrder { get; init; }

    /// <summary>Whether EM training uses the pairs this rule generates.</summary>
    public bool Train { get; init; } = true;

    public string DisplayName => Name ?? (AnyOrder ? "any-order:" : string.Empty) + string.Join("+", Keys.Select(k => k.Transform == KeyTransform.Exact ? k.Field : $"{k.Field}:{Loading.ConfigJson.EnumName(k.Transform)}"));
}
