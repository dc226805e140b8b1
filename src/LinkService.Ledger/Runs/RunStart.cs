namespace LinkService.Ledger.Runs;

/// <summary>A linkage run about to start: its id (see <see cref="RunIds"/>), project, private run folder and input deliveries.</summary>
public sealed record RunStart(string RunId, string Project, string RunFolder, IReadOnlyList<string> DeliveryIds);
