namespace LinkService.Ledger.Runs;

/// <summary>
/// A linkage run about to start: its id (see <see cref="RunIds"/>), project, private run folder, input deliveries,
/// and the owner whose lease it starts under.
/// </summary>
public sealed record RunStart(string RunId, string Project, string RunFolder, IReadOnlyList<string> DeliveryIds, RunOwner Owner);
