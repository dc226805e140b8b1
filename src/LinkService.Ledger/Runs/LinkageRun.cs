namespace LinkService.Ledger.Runs;

/// <summary>One linkage run of a project, as the ledger knows it.</summary>
public sealed record LinkageRun
{
    public required string Id { get; init; }

    public required string Project { get; init; }

    public required RunState State { get; init; }

    public required string RunFolder { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The deliveries it linked.</summary>
    public IReadOnlyList<string> DeliveryIds { get; init; } = [];

    /// <summary>Figures the run reported on completion (records, pairs, links, clusters, ...).</summary>
    public IReadOnlyDictionary<string, long> Counts { get; init; } = new Dictionary<string, long>();

    public string? FailureReason { get; init; }

    /// <summary>The last stage of its pipeline that completed.</summary>
    public RunStage Stage { get; init; } = RunStage.Linking;

    /// <summary>The disclosure check's verdict and findings, once checked.</summary>
    public RunCheck? Check { get; init; }

    /// <summary>Who approved or rejected its outputs, and when.</summary>
    public RunDecision? Decision { get; init; }

    /// <summary>Who ran or runs it, and while it runs, until when it is theirs; null for runs recorded before leases.</summary>
    public RunLease? Lease { get; init; }
}
