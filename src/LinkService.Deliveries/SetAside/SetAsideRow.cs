namespace LinkService.Deliveries.SetAside;

/// <summary>A data row validation set aside from an accepted delivery: its number and its <see cref="RowFingerprint"/>.</summary>
public readonly record struct SetAsideRow(long Row, UInt128 Fingerprint);
