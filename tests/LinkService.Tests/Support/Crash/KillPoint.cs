namespace LinkService.Tests.Support.Crash;

/// <summary>
/// One kill of the plan: the stage it aims at, the sign it waits for, how long after the sign it falls, and which node
/// it kills (always 0 on a single-node site).
/// </summary>
internal sealed record KillPoint(int Number, CrashStage Aim, KillSign Sign, TimeSpan Delay, int Node)
{
    public override string ToString() =>
        FormattableString.Invariant($"kill {Number,2}: {Sign,-10} +{Delay.TotalMilliseconds,3:0} ms (aims at {Aim})");
}

/// <summary>What a kill waits for before its delay: a file dropped, or a line the service prints as a stage begins.</summary>
internal enum KillSign
{
    /// <summary>The kill's file is renamed into its inbox: intake sees it, waits for it to be quiet, then copies it.</summary>
    Dropped,

    /// <summary>"Delivery … received from {source}": the file is recorded and being copied into the store.</summary>
    Received,

    /// <summary>"Validating {file} for source …": the stored copy is being checked.</summary>
    Validating,

    /// <summary>"Linkage run … started": the run is linking.</summary>
    RunStarted,

    /// <summary>"Linkage run … completed": the run is linked; its output is being made.</summary>
    Linked,

    /// <summary>"Run …: Checked in": the output is checked; it is being approved and published.</summary>
    Checked,
}
