namespace LinkService.Ledger.Runs;

/// <summary>The disclosure check's outcome as the ledger keeps it: the verdict (<c>pass</c>, <c>review</c> or <c>fail</c>) and how many findings it has.</summary>
public sealed record RunCheck(string Verdict, long Findings)
{
    /// <summary>The verdict that lets an automatic approval publish.</summary>
    public const string Pass = "pass";

    public bool Passed => Verdict == Pass;
}
