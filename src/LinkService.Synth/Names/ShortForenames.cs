using System.Collections.Frozen;
using LinkService.Synth.Population;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Names;

/// <summary>
/// Short forms a clerk writes down that no nickname table lists: the forename cut after its first
/// syllable (Jennifer: Jen, Christopher: Chris, Stephanie: Steph, Joanne: Joan) and the two-letter
/// forms people go by (Jo, Al, Ed). A form the nickname table already gives for that name is left
/// out, so this class of variation is the one a table look-up cannot find.
/// </summary>
internal sealed class ShortForenames
{
    private static readonly FrozenSet<string> TwoLetterForms = FrozenSet.ToFrozenSet(["Jo", "Al", "Ed", "El", "Em", "Di", "Vi"], StringComparer.Ordinal);
    private readonly FrozenDictionary<string, string[]> _male;
    private readonly FrozenDictionary<string, string[]> _female;

    public ShortForenames(WeightedNames male, WeightedNames female, Nicknames nicknames)
    {
        _male = Build(male, Sex.Male, nicknames);
        _female = Build(female, Sex.Female, nicknames);
    }

    /// <summary>A short form of <paramref name="forename"/>, or null when it has none (Amy, Paul).</summary>
    public string? Of(string forename, Sex sex, ref SplitMix rng) =>
        (sex == Sex.Female ? _female : _male).TryGetValue(forename, out var forms) ? forms[rng.Next(forms.Length)] : null;

    /// <summary>The short forms of a name, before the nickname table is consulted.</summary>
    public static IEnumerable<string> Candidates(string forename)
    {
        if (forename.Length >= 4 && TwoLetterForms.Contains(forename[..2]))
        {
            yield return forename[..2];
        }

        var cut = FirstSyllableEnd(forename);
        if (cut >= 2 && cut <= forename.Length - 2)
        {
            yield return forename[..cut];
        }
    }

    /// <summary>After the first consonant that follows the first vowels, keeping an 'h' that makes a digraph (Kath, Steph).</summary>
    private static int FirstSyllableEnd(string name)
    {
        var i = 1;
        while (i < name.Length && !IsVowel(name[i]))
        {
            i++;
        }

        while (i < name.Length && IsVowel(name[i]))
        {
            i++;
        }

        if (i >= name.Length)
        {
            return -1;
        }

        i++;
        return i < name.Length && name[i] == 'h' ? i + 1 : i;
    }

    private static bool IsVowel(char ch) => "aeiouyAEIOUY".Contains(ch, StringComparison.Ordinal);

    private static FrozenDictionary<string, string[]> Build(WeightedNames names, Sex sex, Nicknames nicknames)
    {
        var forms = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var name in names.All)
        {
            var known = nicknames.FormsOf(name, sex);
            string[] shorts = [.. Candidates(name).Where(c => !known.Contains(c, StringComparer.Ordinal) && !string.Equals(c, name, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)];
            if (shorts.Length > 0)
            {
                forms[name] = shorts;
            }
        }

        return forms.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
