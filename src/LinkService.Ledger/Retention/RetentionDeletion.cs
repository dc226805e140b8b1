namespace LinkService.Ledger.Retention;

/// <summary>
/// A deletion retention is about to make (the ledger records it first, then the files go): <paramref name="Item"/> of the
/// delivery or run <paramref name="EntityId"/>, whose <paramref name="Period"/> (ISO-8601) ran out.
/// <paramref name="AlreadyAbsent"/>: nothing was there to delete any more (removed by hand, or by a version before retention).
/// </summary>
public sealed record RetentionDeletion(RetainedItem Item, string EntityId, string Period, bool AlreadyAbsent);

/// <summary>A deletion the ledger holds: once recorded, the item is gone as far as every check is concerned.</summary>
public sealed record RecordedDeletion(RetainedItem Item, string EntityId, DateTimeOffset At, bool AlreadyAbsent);

/// <summary>What the ledger did with a deletion: recorded (now or before), or refused because something still needs the item.</summary>
public sealed record DeletionResult(RecordedDeletion? Recorded, string? Refusal)
{
    public static DeletionResult Refused(string reason) => new(null, reason);
}
