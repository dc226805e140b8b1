using System.Collections.Frozen;

namespace LinkService.Validation.Cells;

/// <summary>
/// Exact-match lookup of a cell among a schema's listed values (enum, missing values, booleans). A handful of
/// short values, the usual case, are bucketed by length and compared directly, which beats hashing the cell;
/// longer lists use a frozen set.
/// </summary>
internal sealed class StringSet
{
    private const int MaxBucketed = 64;
    private const int MaxBucketedLength = 64;
    private readonly string[][]? _byLength;
    private readonly FrozenSet<string>? _large;

    public StringSet(IEnumerable<string> values)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).ToArray();
        Count = distinct.Length;
        if (distinct.Length <= MaxBucketed && distinct.All(v => v.Length <= MaxBucketedLength))
        {
            var longest = distinct.Length == 0 ? 0 : distinct.Max(v => v.Length);
            _byLength = [.. Enumerable.Range(0, longest + 1).Select(length => distinct.Where(v => v.Length == length).ToArray())];
        }
        else
        {
            _large = distinct.ToFrozenSet(StringComparer.Ordinal);
        }
    }

    public int Count { get; }

    public bool Contains(string cell)
    {
        if (_large is not null)
        {
            return _large.Contains(cell);
        }

        var byLength = _byLength!;
        if ((uint)cell.Length >= (uint)byLength.Length)
        {
            return false;
        }

        foreach (var candidate in byLength[cell.Length])
        {
            if (string.Equals(candidate, cell, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
