namespace LinkService.Ledger.Runs;

/// <summary>
/// Who released or rejected a run's outputs, and when: the OS account of the custodian who ran <c>approve</c> or
/// <c>reject</c>, or <see cref="Automatic"/>; a rejection's reason in the custodian's words.
/// </summary>
public sealed record RunDecision(string By, DateTimeOffset At, string? Reason)
{
    /// <summary>What <see cref="By"/> says when every check passed and the project approves automatically.</summary>
    public const string Automatic = "automatic";
}
