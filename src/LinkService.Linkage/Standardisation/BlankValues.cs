namespace LinkService.Linkage.Standardisation;

/// <summary>Placeholder values departments write for "not known", compared in compact form (letters and digits only).</summary>
public sealed class BlankValues
{
    private static readonly string[] BuiltIn =
    [
        "", "UNKNOWN", "UNK", "NA", "NONE", "NULL", "NIL", "NOTKNOWN", "NOTSTATED", "NOTGIVEN", "NK", "TBC", "TBA", "XXX", "XX", "ZZZ", "ZZ",
        "19000101", "01011900", "00000000", "0",
    ];

    private readonly HashSet<string> _values;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _spans;

    public BlankValues(IEnumerable<string> extra)
    {
        _values = new HashSet<string>(BuiltIn, StringComparer.Ordinal);
        foreach (var value in extra)
        {
            _values.Add(TextFolding.Compact(value));
        }

        _spans = _values.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool IsBlank(string compact) => _values.Contains(compact);

    public bool IsBlank(ReadOnlySpan<char> compact) => _spans.Contains(compact);
}
