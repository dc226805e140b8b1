namespace LinkService.Ledger.Runs;

/// <summary>
/// Where a run is in its life. <see cref="Running"/> is the only state with an owner at work under a lease
/// (<see cref="RunClaims"/>); how far its work has got is its <see cref="RunStage"/>.
/// </summary>
public enum RunState
{
    /// <summary>An owner is working on it under a lease: linking, or a later stage (see <see cref="RunStage"/>).</summary>
    Running,

    /// <summary>Finished: linked (a project without outputs), or its outputs published.</summary>
    Completed,

    Failed,

    /// <summary>Its outputs are checked and wait for the custodian's approve or reject; nobody works on it.</summary>
    Held,

    /// <summary>The custodian rejected its outputs; they were discarded.</summary>
    Rejected,
}
