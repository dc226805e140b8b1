using System.Collections.Frozen;
using LinkService.Synth.Population;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Names;

/// <summary>
/// The other forms a forename is recorded under (William: Bill, Will, Billy), by sex, from
/// <c>nicknames.txt</c>. A name that appears in several groups has the union of their forms.
/// </summary>
internal sealed class Nicknames
{
    private readonly FrozenDictionary<string, string[]> _male;
    private readonly FrozenDictionary<string, string[]> _female;

    public Nicknames(IEnumerable<string> lines)
    {
        var male = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var female = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var target = line[..colon].Trim() == "F" ? female : male;
            var names = line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var formal = names[0];
            if (!target.TryGetValue(formal, out var forms))
            {
                target[formal] = forms = new HashSet<string>(StringComparer.Ordinal);
            }

            forms.UnionWith(names.Skip(1));

            // A short form maps back to its formal name, so "Bill" in one system can be "William" in another.
            foreach (var shortForm in names.Skip(1))
            {
                if (!target.TryGetValue(shortForm, out var back))
                {
                    target[shortForm] = back = new HashSet<string>(StringComparer.Ordinal);
                }

                back.Add(formal);
            }
        }

        _male = Freeze(male);
        _female = Freeze(female);
    }

    /// <summary>Another form of <paramref name="forename"/>, or null when the table knows none.</summary>
    public string? Variant(string forename, Sex sex, ref SplitMix rng)
    {
        var table = sex == Sex.Female ? _female : _male;
        return table.TryGetValue(forename, out var forms) ? forms[rng.Next(forms.Length)] : null;
    }

    /// <summary>Every other form the table knows for <paramref name="forename"/>; empty when it knows none.</summary>
    public IReadOnlyList<string> FormsOf(string forename, Sex sex) =>
        (sex == Sex.Female ? _female : _male).TryGetValue(forename, out var forms) ? forms : [];

    private static FrozenDictionary<string, string[]> Freeze(Dictionary<string, HashSet<string>> table) =>
        table.Where(p => p.Value.Count > 0)
            .ToFrozenDictionary(p => p.Key, p => p.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
}
