namespace LinkService.Ledger.Runs;

/// <summary>
/// The rules of a run's pipeline, the same for every ledger provider (a provider loads the run, applies one of these
/// and writes <see cref="RunChange.After"/> with its audit row in one transaction):
/// <list type="bullet">
/// <item>Each stage is recorded by the owner of the running run, in order: linked, anonymised, checked.</item>
/// <item>A checked run is held for the custodian, or (approval automatic, verdict pass) approved by its owner at once.</item>
/// <item>A held run has no owner at work. <c>approve</c> makes the approver its owner under a lease (one running run per
/// project, <see cref="RunClaims"/>) to publish it; <c>reject</c> ends it. Neither applies to a run that is not held.</item>
/// <item>An approved run is recorded published once its output is whole in the export folder; a run is published once.</item>
/// <item>A running run abandoned after it linked (<see cref="IsResumable"/>) is resumed, not failed: it is taken over
/// under the taker's lease and its pipeline continues from its stage. One abandoned while linking is failed, as before.</item>
/// </list>
/// </summary>
public static class RunTransitions
{
    /// <summary>True if <paramref name="run"/> was abandoned at <paramref name="now"/> after its linkage completed, so its pipeline can go on.</summary>
    public static bool IsResumable(LinkageRun run, DateTimeOffset now) => RunClaims.IsAbandoned(run, now) && run.Stage >= RunStage.Linked;

    public static RunChange Linked(LinkageRun run, RunOwner owner, IReadOnlyDictionary<string, long> counts) =>
        new(Advance(run, owner, RunStage.Linking, RunStage.Linked) with { Counts = counts }, "linked", new { counts });

    public static RunChange Anonymised(LinkageRun run, RunOwner owner) =>
        new(Advance(run, owner, RunStage.Linked, RunStage.Anonymised), "anonymised", new { });

    public static RunChange Checked(LinkageRun run, RunOwner owner, RunCheck check) =>
        new(Advance(run, owner, RunStage.Anonymised, RunStage.Checked) with { Check = check }, "checked", new { verdict = check.Verdict, findings = check.Findings });

    public static RunChange Held(LinkageRun run, RunOwner owner)
    {
        Require(run, owner, RunStage.Checked);
        return new(run with { State = RunState.Held }, "held", new { });
    }

    /// <summary>Automatic approval, by the run's owner, of a run whose every check passed.</summary>
    public static RunChange ApprovedAutomatically(LinkageRun run, RunOwner owner, DateTimeOffset now)
    {
        if (run.Check is not { Passed: true })
        {
            throw new RunStateException($"Run {run.Id} cannot be approved automatically: its disclosure check is {run.Check?.Verdict ?? "not done"}.");
        }

        var decision = new RunDecision(RunDecision.Automatic, now, null);
        return new(Advance(run, owner, RunStage.Checked, RunStage.Approved) with { Decision = decision }, "approved", new { decidedBy = decision.By });
    }

    /// <summary>The custodian's approval of a held run: <paramref name="owner"/> (the approving process) takes it under a lease to publish it.</summary>
    public static RunChange ApprovedByCustodian(LinkageRun run, RunOwner owner, string by, DateTimeOffset now, DateTimeOffset leaseExpires)
    {
        RequireHeld(run, "approved");
        var decision = new RunDecision(by, now, null);
        var after = run with { State = RunState.Running, Stage = RunStage.Approved, Decision = decision, Lease = new RunLease(owner, leaseExpires) };
        return new(after, "approved", new { decidedBy = by, owner = owner.ToString() });
    }

    public static RunChange Rejected(LinkageRun run, string by, string reason, DateTimeOffset now)
    {
        RequireHeld(run, "rejected");
        var decision = new RunDecision(by, now, reason);
        return new(run with { State = RunState.Rejected, Decision = decision, FinishedAt = now }, "rejected", new { decidedBy = by, reason });
    }

    public static RunChange Published(LinkageRun run, RunOwner owner, DateTimeOffset now) =>
        new(Advance(run, owner, RunStage.Approved, RunStage.Published) with { State = RunState.Completed, FinishedAt = now }, "published", new { });

    /// <summary>Takes over a run abandoned after it linked, so that <paramref name="owner"/> continues its pipeline.</summary>
    public static RunChange Resumed(LinkageRun run, RunOwner owner, DateTimeOffset now, DateTimeOffset leaseExpires)
    {
        if (!IsResumable(run, now))
        {
            throw new RunStateException($"Run {run.Id} cannot be resumed: it is {Describe(run)}{(run.State == RunState.Running ? " and its owner still holds it" : "")}.");
        }

        var detail = new { stage = run.Stage.ToString().ToLowerInvariant(), reason = RunClaims.TakeOverReason(run), takenOverBy = owner.ToString() };
        return new(run with { Lease = new RunLease(owner, leaseExpires) }, "resumed", detail);
    }

    /// <summary>The run's state in words, for a message: "held for approval", "running (anonymised)", "published".</summary>
    public static string Describe(LinkageRun run) => run.State switch
    {
        RunState.Running => $"running (last completed stage: {run.Stage.ToString().ToLowerInvariant()})",
        RunState.Held => "held for approval",
        RunState.Completed when run.Stage == RunStage.Published => "published",
        RunState.Completed => "completed (linked; its project has no outputs)",
        _ => run.State.ToString().ToLowerInvariant(),
    };

    private static LinkageRun Advance(LinkageRun run, RunOwner owner, RunStage from, RunStage to)
    {
        Require(run, owner, from);
        return run with { Stage = to };
    }

    private static void Require(LinkageRun run, RunOwner owner, RunStage stage)
    {
        if (run.State != RunState.Running || run.Stage != stage)
        {
            throw new RunStateException($"Run {run.Id} is {Describe(run)}; it must be running with its last stage {stage.ToString().ToLowerInvariant()}.");
        }

        if (run.Lease?.Owner != owner)
        {
            throw new RunStateException($"Run {run.Id} is no longer owned by {owner}: {run.Lease?.Owner.ToString() ?? "another process"} took it over.");
        }
    }

    private static void RequireHeld(LinkageRun run, string decision)
    {
        if (run.State != RunState.Held)
        {
            throw new RunStateException($"Run {run.Id} cannot be {decision}: it is {Describe(run)}, not held for approval.");
        }
    }
}
