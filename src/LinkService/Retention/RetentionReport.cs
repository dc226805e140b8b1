namespace LinkService.Retention;

/// <summary>
/// What one retention pass did: deleted (each recorded in the ledger first), kept past its period and why, and failed
/// (recorded, files still there: the next pass finishes them). <paramref name="Untrusted"/>: why nothing was done.
/// </summary>
internal sealed record RetentionReport(IReadOnlyList<RetentionTarget> Deleted, IReadOnlyList<RetentionKept> Kept, IReadOnlyList<RetentionTarget> Failed, string? Untrusted)
{
    public static RetentionReport NotRun(string reason) => new([], [], [], reason);
}
