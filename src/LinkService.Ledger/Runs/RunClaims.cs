using System.Globalization;

namespace LinkService.Ledger.Runs;

/// <summary>
/// The rules of run ownership, the same for every ledger provider (a provider only supplies the SQL):
/// <list type="bullet">
/// <item>A project has at most one running run. The database enforces it (a unique index over running runs
/// per project), so that two processes or nodes racing to start both cannot win.</item>
/// <item>A running run belongs to the owner in its lease until the lease expires; only the owner renews it,
/// and only the owner completes or fails it.</item>
/// <item>A running run whose lease has expired, or that has no lease (left by a version without leases), was
/// abandoned. Abandoned while linking, anyone may take it over, which records it as failed; a new run of its project
/// may then start. Abandoned after it linked, it is resumed, never failed (<see cref="RunTransitions.IsResumable"/>):
/// a start of its project is refused in its favour, as if it were live, until someone resumes it.</item>
/// <item>A running run with a live lease is never touched: a start of its project is refused, naming the holder.</item>
/// </list>
/// </summary>
public static class RunClaims
{
    /// <summary>What a start of a project may do at <paramref name="now"/>, given the project's running runs (normally none or one).</summary>
    public static ClaimDecision Decide(IReadOnlyList<LinkageRun> running, DateTimeOffset now) =>
        running.FirstOrDefault(run => !IsToBeFailed(run, now)) is { } holder
            ? new ClaimDecision(holder, [])
            : new ClaimDecision(null, running);

    /// <summary>True if the run is running and nobody holds it any longer at <paramref name="now"/>.</summary>
    public static bool IsAbandoned(LinkageRun run, DateTimeOffset now) =>
        run.State == RunState.Running && (run.Lease is null || run.Lease.HasExpiredAt(now));

    /// <summary>
    /// True if the run was abandoned while linking, so that taking it over records it as failed (its linking is redone
    /// by a new run). One abandoned after it linked is not: it is resumed from its stage.
    /// </summary>
    public static bool IsToBeFailed(LinkageRun run, DateTimeOffset now) => IsAbandoned(run, now) && run.Stage < RunStage.Linked;

    /// <summary>What the audit row of a take-over says: the reason, and which process took the run over.</summary>
    public static object TakeOverAuditDetail(LinkageRun run, RunOwner taker) => new { reason = TakeOverReason(run), takenOverBy = taker.ToString() };

    /// <summary>The failure reason recorded for a run taken over; names the owner and the expiry, never data.</summary>
    public static string TakeOverReason(LinkageRun run) => run.Lease is { } lease
        ? string.Create(CultureInfo.InvariantCulture, $"interrupted: its owner, {lease.Owner}, stopped renewing its lease, which expired at {lease.ExpiresAt:u}")
        : "interrupted: the service stopped or crashed during the run";
}

/// <summary>
/// The outcome of <see cref="RunClaims.Decide"/>: refused because <see cref="Holder"/> holds the project under a live
/// lease, or allowed once every run in <see cref="ToTakeOver"/> (abandoned) is recorded as failed.
/// </summary>
public sealed record ClaimDecision(LinkageRun? Holder, IReadOnlyList<LinkageRun> ToTakeOver)
{
    public bool Refused => Holder is not null;
}
