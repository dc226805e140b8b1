namespace LinkService.Ledger.Deliveries;

/// <summary>A file about to be taken from a drop folder, with the size and time it had when it was judged complete.</summary>
public sealed record NewDelivery(string Source, string OriginalName, long DropBytes, DateTimeOffset DropModified);
