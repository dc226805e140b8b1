namespace LinkService.Ledger.Deliveries;

/// <summary>A delivery's complete copy in the store: where, its SHA-256 (lower-case hex) and its size.</summary>
public sealed record StoredFile(string Path, string Sha256, long Bytes);
