namespace LinkService.Deliveries.Reading;

/// <summary>
/// What bounds the memory one delivery can take while it is read, whatever the file holds: the parser holds
/// at most <see cref="RecordCapBytes"/> of a record (an unclosed quote runs into this), and
/// <see cref="DelimiterGuardStream"/> stops a line of more delimiters than a record can have before the
/// parser indexes them (the parser keeps 16 bytes a field: 104 million empty fields once took 6.6 GB).
/// </summary>
/// <param name="RecordCapBytes">The longest record, in bytes of text, the parser holds.</param>
public sealed record ReadLimits(int RecordCapBytes)
{
    /// <summary>How many cells a record may have beyond the columns it should have before reading stops.</summary>
    public const int FieldMargin = 16;

    public static ReadLimits Default { get; } = new(32 << 20);

    /// <summary>The most cells a record may have when <paramref name="columns"/> are expected.</summary>
    public static int FieldLimitFor(int columns) => columns + FieldMargin;
}
