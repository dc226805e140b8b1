namespace LinkService.Deliveries.Reading;

/// <summary>
/// Thrown while parsing when a record has more cells, or more text, than a delivery's record may have: reading
/// stops there, so such a record never grows memory past the limits (104 million empty fields once took 6.6 GB).
/// </summary>
public sealed class RowTooLargeException : IOException
{
    public RowTooLargeException()
    {
    }

    public RowTooLargeException(string message)
        : base(message)
    {
    }

    public RowTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the record has too many cells; false when its text is too long.</summary>
    public bool TooManyCells { get; init; }

    internal static RowTooLargeException Cells(int limit) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a row has more than {limit:N0} fields")) { TooManyCells = true };

    internal static RowTooLargeException Text(long limit, Exception inner) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a row runs past {limit:N0} bytes"), inner);
}
