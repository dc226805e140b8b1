using LinkService.Synth.Randomness;

namespace LinkService.Synth.Departments;

/// <summary>
/// The slips of a person typing a value: a neighbouring key, two letters swapped, a letter dropped
/// or doubled. Applied in place to a value already in a buffer; the first letter is rarely touched,
/// as in real keying errors.
/// </summary>
internal static class Typos
{
    private static readonly string[] Neighbours = BuildNeighbours();

    /// <summary>Changes one thing in <paramref name="text"/>[..length]; returns the new length (the buffer has room for one more).</summary>
    public static int Apply(Span<char> text, int length, ref SplitMix rng)
    {
        if (length < 2)
        {
            return length;
        }

        var at = rng.Chance(0.1) ? 0 : 1 + rng.Next(length - 1);
        var kind = rng.NextDouble();
        if (kind < 0.35)
        {
            text[at] = Neighbour(text[at], ref rng);
            return length;
        }

        if (kind < 0.6)
        {
            at = Math.Min(at, length - 2);
            (text[at], text[at + 1]) = (text[at + 1], text[at]);
            return length;
        }

        if (kind < 0.8 && length > 3)
        {
            text[(at + 1)..length].CopyTo(text[at..]);
            return length - 1;
        }

        text[at..length].CopyTo(text[(at + 1)..]);
        text[at] = rng.Chance(0.5) ? text[at + 1] : Neighbour(text[at + 1], ref rng);
        return length + 1;
    }

    /// <summary>One character of a code (postcode, NI number) misread: a digit for a digit, a letter for a letter.</summary>
    public static void Substitute(Span<char> text, ref SplitMix rng)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var at = rng.Next(text.Length);
            var ch = text[at];
            if (char.IsAsciiDigit(ch))
            {
                text[at] = (char)('0' + ((ch - '0' + 1 + rng.Next(9)) % 10));
                return;
            }

            if (char.IsAsciiLetter(ch) && at > 0)
            {
                text[at] = Neighbour(ch, ref rng);
                return;
            }
        }
    }

    private static char Neighbour(char ch, ref SplitMix rng)
    {
        var lower = char.ToLowerInvariant(ch);
        if (lower is < 'a' or > 'z')
        {
            return ch;
        }

        var options = Neighbours[lower - 'a'];
        var pick = options[rng.Next(options.Length)];
        return char.IsUpper(ch) ? char.ToUpperInvariant(pick) : pick;
    }

    /// <summary>QWERTY neighbours: either side in the row, and the two keys touching it above and below (rows are staggered).</summary>
    private static string[] BuildNeighbours()
    {
        string[] rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
        var result = new string[26];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                (int Row, int Col)[] around = [(r, c - 1), (r, c + 1), (r - 1, c), (r - 1, c + 1), (r + 1, c - 1), (r + 1, c)];
                var near = around
                    .Where(p => p.Row >= 0 && p.Row < rows.Length && p.Col >= 0 && p.Col < rows[p.Row].Length)
                    .Select(p => rows[p.Row][p.Col]);
                result[rows[r][c] - 'a'] = new string([.. near]);
            }
        }

        return result;
    }
}
