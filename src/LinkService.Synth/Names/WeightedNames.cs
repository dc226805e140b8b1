using System.Globalization;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Names;

/// <summary>
/// A list of names drawn with Zipf-like frequencies: the name of rank r (from 1) weighs
/// 1 / (r + <c>offset</c>), which gives the flat head and long tail of real name counts.
/// A line <c>Name weight</c> sets a weight explicitly.
/// </summary>
internal sealed class WeightedNames
{
    private readonly string[] _names;
    private readonly AliasTable _table;

    public WeightedNames(IEnumerable<string> lines, double offset)
    {
        var names = new List<string>();
        var weights = new List<double>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!seen.Add(parts[0]))
            {
                continue;
            }

            names.Add(parts[0]);
            weights.Add(parts.Length > 1
                ? double.Parse(parts[1], CultureInfo.InvariantCulture)
                : 1.0 / (names.Count + offset));
        }

        _names = [.. names];
        _table = new AliasTable(weights);
    }

    public int Count => _names.Length;

    public IReadOnlyList<string> All => _names;

    public string Sample(ref SplitMix rng) => _names[_table.Sample(ref rng)];
}
