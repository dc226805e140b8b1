using LinkService.Synth.Randomness;

namespace LinkService.Synth.Population;

/// <summary>
/// A national insurance number: a valid two-letter prefix, six digits and a suffix A–D
/// ("QQ123456C"). Departments write it packed or in the spaced form on the card ("QQ 12 34 56 C").
/// </summary>
internal readonly record struct NiNumber(short Prefix, int Digits, byte Suffix)
{
    public const int MaxLength = 13;

    private static readonly string[] Prefixes = BuildPrefixes();

    public static NiNumber Sample(ref SplitMix rng) =>
        new((short)rng.Next(Prefixes.Length), rng.Next(1_000_000), (byte)rng.Next(4));

    /// <summary>The number with two neighbouring, different digits swapped (123456 as 124356); null when all six are the same.</summary>
    public NiNumber? Transposed(ref SplitMix rng)
    {
        Span<int> digits = stackalloc int[6];
        for (int i = 5, rest = Digits; i >= 0; i--, rest /= 10)
        {
            digits[i] = rest % 10;
        }

        var start = rng.Next(5);
        for (var step = 0; step < 5; step++)
        {
            var at = (start + step) % 5;
            if (digits[at] != digits[at + 1])
            {
                (digits[at], digits[at + 1]) = (digits[at + 1], digits[at]);
                var value = 0;
                foreach (var digit in digits)
                {
                    value = (value * 10) + digit;
                }

                return this with { Digits = value };
            }
        }

        return null;
    }

    public int Format(Span<char> destination, bool spaced)
    {
        var prefix = Prefixes[Prefix];
        destination[0] = prefix[0];
        destination[1] = prefix[1];
        var n = 2;
        var divisor = 100_000;
        for (var i = 0; i < 6; i++)
        {
            if (spaced && i % 2 == 0)
            {
                destination[n++] = ' ';
            }

            destination[n++] = (char)('0' + (Digits / divisor % 10));
            divisor /= 10;
        }

        if (spaced)
        {
            destination[n++] = ' ';
        }

        destination[n++] = (char)('A' + Suffix);
        return n;
    }

    private static string[] BuildPrefixes()
    {
        // HMRC never issues D, F, I, Q, U, V as either letter, nor O second, nor these pairs.
        const string First = "ABCEGHJKLMNOPRSTWXYZ";
        const string Second = "ABCEGHJKLMNPRSTWXYZ";
        string[] banned = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"];
        return [.. First.SelectMany(a => Second.Select(b => $"{a}{b}")).Where(p => !banned.Contains(p, StringComparer.Ordinal))];
    }
}
