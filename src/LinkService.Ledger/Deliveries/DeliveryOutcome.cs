namespace LinkService.Ledger.Deliveries;

/// <summary>A delivery's final state and why.</summary>
public sealed record DeliveryOutcome
{
    public required DeliveryState State { get; init; }

    public IReadOnlyList<string> Reasons { get; init; } = [];

    public string? DuplicateOf { get; init; }

    public long? SetAsideRows { get; init; }

    /// <summary>For an accepted or held delivery: how many rows validation accepted.</summary>
    public long? AcceptedRows { get; init; }

    /// <summary>Where the file goes in quarantine, for rejected, duplicate and refused deliveries.</summary>
    public string? QuarantinePath { get; init; }

    /// <summary>For a refusal: the size as seen, where known.</summary>
    public long? Bytes { get; init; }

    /// <summary>For a refusal after hashing (a checksum mismatch): the digest computed.</summary>
    public string? Sha256 { get; init; }

    internal bool IsFinal => State is DeliveryState.Accepted or DeliveryState.Rejected or DeliveryState.Duplicate or DeliveryState.Refused or DeliveryState.Held;
}
