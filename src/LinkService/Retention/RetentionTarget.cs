using LinkService.Ledger.Retention;

namespace LinkService.Retention;

/// <summary>
/// One item whose period ran out and that nothing needs any more: <paramref name="Paths"/> are its files and folders that
/// exist now (none: it is gone already). <paramref name="Recorded"/>: the ledger holds its deletion already and only the
/// files are left, from a deletion a stop or an error interrupted. <paramref name="Owner"/> names its source or project.
/// </summary>
internal sealed record RetentionTarget(RetainedItem Item, string EntityId, string Owner, string Period, IReadOnlyList<string> Paths, bool Recorded)
{
    public string ItemName => RetainedItems.Name(Item);
}

/// <summary>An item past its period that is kept, and why (ids and names only).</summary>
internal sealed record RetentionKept(RetainedItem Item, string EntityId, string Owner, string Reason)
{
    public string ItemName => RetainedItems.Name(Item);
}

/// <summary>What retention would do now: the items to delete, and those past their period but still needed.</summary>
internal sealed record RetentionPlan(IReadOnlyList<RetentionTarget> Due, IReadOnlyList<RetentionKept> Kept);
