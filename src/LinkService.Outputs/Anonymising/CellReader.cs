using System.Runtime.CompilerServices;
using LinkService.Deliveries;
using LinkService.Linkage.Data;
using LinkService.Outputs.Transforms;

namespace LinkService.Outputs.Anonymising;

/// <summary>
/// One chosen column of a delivery's rows: the cell (or the schema's missing value, blank) through the column's plan,
/// the result interned among the column's values. A cell is read as characters and transformed once per distinct
/// cell (a cell met before is known by its bytes, <see cref="RawCellIds"/>); only an age at another column's date,
/// which depends on two cells, is worked out row by row.
/// </summary>
internal sealed class CellReader(ColumnPlan plan, int? column, HashSet<string> missing, (int? Column, HashSet<string> Missing) at, SpanInterner values)
{
    private readonly RawCellIds _seen = new();
    private int[] _valueOfSeen = new int[1024];
    private char[] _chars = new char[256];

    /// <summary>The id of the current row's output value among the column's values; 0 for blank.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Read(AcceptedRows delivery)
    {
        if (plan.At is not null)
        {
            return Intern(plan.Apply(Cell(delivery, (column, missing)), Cell(delivery, at)));
        }

        if (column is not { } c || c >= delivery.Count)
        {
            return 0;
        }

        var seen = _seen.IdOf(delivery.RawCell(c), out var added);
        if (added)
        {
            if (seen == _valueOfSeen.Length)
            {
                Array.Resize(ref _valueOfSeen, 2 * seen);
            }

            var text = Copy(delivery, c).ToString();
            _valueOfSeen[seen] = missing.Contains(text) ? 0 : Intern(plan.Apply(text, null));
        }

        return _valueOfSeen[seen];
    }

    private int Intern(string? value) => value is null ? 0 : values.Intern(value);

    private ReadOnlySpan<char> Copy(AcceptedRows delivery, int c)
    {
        var most = delivery.MaxCellChars(c);
        if (_chars.Length < most)
        {
            _chars = new char[Math.Max(most, 2 * _chars.Length)];
        }

        return _chars.AsSpan(0, delivery.CopyCell(c, _chars));
    }

    private static string? Cell(AcceptedRows delivery, (int? Column, HashSet<string> Missing) at) =>
        at.Column is { } c && c < delivery.Count && delivery[c] is var value && !at.Missing.Contains(value) ? value : null;
}
