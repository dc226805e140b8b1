namespace LinkService.Ledger.Deliveries;

/// <summary>One file delivered by a source, as the ledger knows it.</summary>
public sealed record Delivery
{
    public required string Id { get; init; }

    public required string Source { get; init; }

    /// <summary>The file's name in the drop folder.</summary>
    public required string OriginalName { get; init; }

    public required DeliveryState State { get; init; }

    /// <summary>The drop file's size when it was taken: recovery removes the original only if it is still that file.</summary>
    public long? DropBytes { get; init; }

    /// <summary>The drop file's modification time when it was taken.</summary>
    public DateTimeOffset? DropModified { get; init; }

    public string? Sha256 { get; init; }

    public long? Bytes { get; init; }

    public string? QuarantinePath { get; init; }

    /// <summary>Why it was rejected, refused or set aside: rule names and row numbers, never data values.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>For a duplicate: the earlier delivery with the same content.</summary>
    public string? DuplicateOf { get; init; }

    /// <summary>How many rows validation set aside, if any.</summary>
    public long? SetAsideRows { get; init; }

    /// <summary>How many rows validation accepted (read, less those set aside); null for deliveries checked before it was recorded.</summary>
    public long? AcceptedRows { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset? StoredAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? SettledAt { get; init; }
}
