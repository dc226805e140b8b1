namespace LinkService.Linkage.Running;

/// <summary>
/// A field's missing-value markers (the schema's list), matched exactly against a cell's text without making a string
/// of it. Most cells are not as long as any marker, so most are told apart by their length alone.
/// </summary>
internal sealed class MissingValues
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _values;
    private readonly ulong _lengths;
    private readonly bool _anyLong;

    public MissingValues(IEnumerable<string> values)
    {
        var set = new HashSet<string>(values, StringComparer.Ordinal);
        _values = set.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var value in set)
        {
            if (value.Length < 64)
            {
                _lengths |= 1UL << value.Length;
            }
            else
            {
                _anyLong = true;
            }
        }
    }

    public bool Contains(ReadOnlySpan<char> cell) =>
        (cell.Length < 64 ? (_lengths & (1UL << cell.Length)) != 0 : _anyLong) && _values.Contains(cell);
}
