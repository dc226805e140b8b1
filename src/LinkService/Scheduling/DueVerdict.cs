namespace LinkService.Scheduling;

/// <summary>Whether a scheduled fire of a project starts a run, and why (names sources, deliveries and runs; never a value).</summary>
internal sealed record DueVerdict(bool IsDue, string Reason)
{
    public static DueVerdict Due(string reason) => new(true, reason);

    public static DueVerdict NotDue(string reason) => new(false, reason);
}
