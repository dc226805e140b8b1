namespace LinkService.Validation.Cells;

/// <summary>
/// A fast matcher for the fixed-length patterns record keys and reference numbers use (<c>OFF[0-9]{8}</c>,
/// <c>[A-Z]{2}[0-9]{6}[A-D]</c>): literal characters and ASCII classes, each once or <c>{n}</c> times.
/// Such a pattern matches exactly the strings its regular expression matches, character by character with no
/// backtracking; anything else (alternation, open repeats, anchors, negated classes) is left to <see cref="System.Text.RegularExpressions.Regex"/>.
/// </summary>
internal sealed class FixedShapePattern
{
    private readonly bool[][] _positions;

    private FixedShapePattern(bool[][] positions) => _positions = positions;

    public static FixedShapePattern? TryCreate(string pattern)
    {
        var positions = new List<bool[]>();
        var i = 0;
        while (i < pattern.Length)
        {
            var atom = ReadAtom(pattern, ref i);
            if (atom is null)
            {
                return null;
            }

            var count = ReadCount(pattern, ref i);
            if (count is null or < 1 or > 256)
            {
                return null;
            }

            positions.AddRange(Enumerable.Repeat(atom, count.Value));
        }

        return positions.Count > 0 ? new FixedShapePattern([.. positions]) : null;
    }

    public bool IsMatch(string cell)
    {
        if (cell.Length != _positions.Length)
        {
            return false;
        }

        for (var i = 0; i < cell.Length; i++)
        {
            var ch = cell[i];
            if (ch >= 128 || !_positions[i][ch])
            {
                return false;
            }
        }

        return true;
    }

    private static bool[]? ReadAtom(string pattern, ref int i)
    {
        var set = new bool[128];
        var ch = pattern[i++];
        switch (ch)
        {
            case '[':
                return ReadClass(pattern, ref i, set) ? set : null;
            case '\\' when i < pattern.Length:
                // .NET's \d matches every Unicode digit, not only 0-9, so classes like it stay with Regex.
                var escaped = pattern[i++];
                return escaped < 128 && !char.IsLetterOrDigit(escaped) ? Single(set, escaped) : null;
            default:
                return ch < 128 && !"\\^$.|?*+()[]{}".Contains(ch, StringComparison.Ordinal) ? Single(set, ch) : null;
        }
    }

    private static bool[] Single(bool[] set, char ch)
    {
        set[ch] = true;
        return set;
    }

    private static bool ReadClass(string pattern, ref int i, bool[] set)
    {
        if (i < pattern.Length && pattern[i] == '^')
        {
            return false;
        }

        while (i < pattern.Length && pattern[i] != ']')
        {
            var from = pattern[i++];
            if (from is '\\' or '[' || from >= 128)
            {
                return false;
            }

            if (i + 1 < pattern.Length && pattern[i] == '-' && pattern[i + 1] != ']')
            {
                var to = pattern[i + 1];
                if (to >= 128 || to < from || to == '\\')
                {
                    return false;
                }

                Array.Fill(set, true, from, to - from + 1);
                i += 2;
            }
            else
            {
                set[from] = true;
            }
        }

        return i++ < pattern.Length;
    }

    private static int? ReadCount(string pattern, ref int i)
    {
        if (i >= pattern.Length || pattern[i] != '{')
        {
            return i < pattern.Length && pattern[i] is '?' or '*' or '+' ? null : 1;
        }

        var close = pattern.IndexOf('}', i);
        if (close < 0 || !int.TryParse(pattern.AsSpan(i + 1, close - i - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
        {
            return null;
        }

        i = close + 1;
        return count;
    }
}
