namespace LinkService.Deliveries.Reading;

/// <summary>
/// What bounds the memory one delivery can take while it is read, whatever the file holds. A field is capped
/// by the parser; a record's field count and its text are capped by <see cref="RowLimitGuard"/>, which stops
/// reading as soon as a record passes either, long before the record is whole.
/// </summary>
/// <param name="FieldCapChars">The longest field the parser holds (an unclosed quote runs into this).</param>
public sealed record ReadLimits(int FieldCapChars)
{
    /// <summary>How many cells a record may have beyond the columns it should have before reading stops.</summary>
    public const int FieldMargin = 16;

    public static ReadLimits Default { get; } = new(32 << 20);

    /// <summary>
    /// The most characters the parser may buffer for one record: a record is a few fields, each within the cap,
    /// and the parser doubles its buffer, so four caps hold every record that has only fields within it.
    /// </summary>
    public long RecordCapChars => 4L * FieldCapChars + (1 << 16);

    /// <summary>The most cells a record may have when <paramref name="columns"/> are expected.</summary>
    public static int FieldLimitFor(int columns) => columns + FieldMargin;
}
