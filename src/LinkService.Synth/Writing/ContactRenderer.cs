using LinkService.Synth.Departments;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Writing;

/// <summary>
/// A person's email address and phone number, as departments hold them: each person has one of each (from their
/// reference, so every department knows the same one), but a record often lacks it, sometimes holds an older one (a
/// different address or number entirely), and writes it in its own way (case, spaces, +44); now and then with a slip.
/// </summary>
internal static class ContactRenderer
{
    /// <summary>Records without an email address: many services never ask for one.</summary>
    public const double EmailMissing = 0.45;

    /// <summary>Records without a phone number.</summary>
    public const double PhoneMissing = 0.35;

    /// <summary>Records holding an older address or number than the person's current one: people change them.</summary>
    public const double Older = 0.10;

    /// <summary>Records whose address or number carries a typing slip (a character changed, dropped or doubled; two digits swapped).</summary>
    public const double Slip = 0.02;

    private static readonly string[] Domains = ["gmail.com", "outlook.com", "hotmail.co.uk", "yahoo.co.uk", "btinternet.com", "icloud.com", "live.co.uk", "sky.com"];
    private static readonly string[] Syllables = ["al", "be", "cor", "da", "el", "fin", "ga", "han", "is", "jo", "ka", "lee", "mo", "nat", "ol", "pe", "ro", "sam", "ta", "vi", "wil", "zo"];

    /// <summary>Writes the record's email address (−1: none); <paramref name="plain"/> writes the current one as it is, with no variation.</summary>
    public static int Email(Span<char> text, long reference, bool required, bool plain, ref SplitMix rng)
    {
        if (!plain && !required && rng.Chance(EmailMissing))
        {
            return -1;
        }

        var person = new SplitMix(SplitMix.Combine(0xE3A1, (ulong)reference + (!plain && rng.Chance(Older) ? 1UL << 40 : 0)));
        var n = 0;
        for (var s = 1 + person.Next(2); s >= 0; s--)
        {
            n += Append(text[n..], Syllables[person.Next(Syllables.Length)]);
        }

        if (person.Chance(0.6))
        {
            n += Append(text[n..], person.Between(1, 99).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!plain && rng.Chance(Slip))
        {
            n = Typos.Apply(text, n, ref rng);
        }

        text[n++] = '@';
        n += Append(text[n..], Domains[person.Next(Domains.Length)]);
        if (!plain && rng.Chance(0.15))
        {
            // Typed in capitals, or with the first letter up: the standardiser folds case.
            foreach (ref var c in text[..(rng.Chance(0.5) ? n : 1)])
            {
                c = char.ToUpperInvariant(c);
            }
        }

        return n;
    }

    /// <summary>Writes the record's phone number (−1: none), a UK mobile in one of the ways departments write them.</summary>
    public static int Phone(Span<char> text, long reference, bool required, bool plain, ref SplitMix rng)
    {
        if (!plain && !required && rng.Chance(PhoneMissing))
        {
            return -1;
        }

        var person = new SplitMix(SplitMix.Combine(0x9F0E, (ulong)reference + (!plain && rng.Chance(Older) ? 1UL << 40 : 0)));
        // 07 and nine digits: the national number after the 0 is ten digits, the first a 7.
        Span<char> digits = stackalloc char[10];
        digits[0] = '7';
        for (var i = 1; i < digits.Length; i++)
        {
            digits[i] = (char)('0' + person.Next(10));
        }

        if (!plain && rng.Chance(Slip))
        {
            var at = 1 + rng.Next(digits.Length - 2);
            (digits[at], digits[at + 1]) = (digits[at + 1], digits[at]);
        }

        return (plain ? 0 : rng.Next(4)) switch
        {
            0 => Append(text, "0") + Append(text[1..], digits[..4]) + Append(text[5..], " ") + Append(text[6..], digits[4..]),
            1 => Append(text, "0") + Append(text[1..], digits),
            2 => Append(text, "+44 ") + Append(text[4..], digits[..4]) + Append(text[8..], " ") + Append(text[9..], digits[4..]),
            _ => Append(text, "+44") + Append(text[3..], digits),
        };
    }

    private static int Append(Span<char> text, ReadOnlySpan<char> piece)
    {
        piece.CopyTo(text);
        return piece.Length;
    }
}
