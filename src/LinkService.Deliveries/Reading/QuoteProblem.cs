namespace LinkService.Deliveries.Reading;

/// <summary>A quote out of place in the current record, as the parser met it.</summary>
public enum QuoteProblem
{
    None,

    /// <summary>A quote inside an unquoted field, or text after a closing quote.</summary>
    Stray,

    /// <summary>A quoted field that the file never closes.</summary>
    Unclosed,
}
