namespace LinkService.Ledger.Deliveries;

/// <summary>
/// A delivery's complete copy in the store: its SHA-256 (lower-case hex) and its size. Where it is follows from the
/// delivery's ids (<c>StoreFiles.Delivery</c>), not from anything the ledger holds.
/// </summary>
public sealed record StoredFile(string Sha256, long Bytes);
