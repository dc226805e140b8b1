using System.Globalization;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Population;

/// <summary>
/// The UK postcode areas people live in (from <c>postcode-areas.txt</c>), weighted by population,
/// each with the number of districts used and its post town.
/// </summary>
internal sealed class PostcodeAreas
{
    private readonly string[] _codes;
    private readonly int[] _districts;
    private readonly string[] _towns;
    private readonly AliasTable _table;

    public PostcodeAreas(IReadOnlyList<string> lines)
    {
        _codes = new string[lines.Count];
        _districts = new int[lines.Count];
        _towns = new string[lines.Count];
        var weights = new double[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].Split(' ', 4, StringSplitOptions.RemoveEmptyEntries);
            _codes[i] = parts[0];
            _districts[i] = int.Parse(parts[1], CultureInfo.InvariantCulture);
            weights[i] = double.Parse(parts[2], CultureInfo.InvariantCulture);
            _towns[i] = parts[3];
        }

        _table = new AliasTable(weights);
    }

    /// <summary>The number of districts across all areas.</summary>
    public int DistrictCount => _districts.Sum();

    public string Code(int area) => _codes[area];

    public string Town(int area) => _towns[area];

    public Postcode Sample(ref SplitMix rng)
    {
        var area = _table.Sample(ref rng);
        return InDistrict(area, 1 + rng.Next(_districts[area]), ref rng);
    }

    /// <summary>Another address in the same district: the usual short move.</summary>
    public static Postcode Nearby(Postcode home, ref SplitMix rng) => InDistrict(home.Area, home.District, ref rng);

    private static Postcode InDistrict(int area, int district, ref SplitMix rng) =>
        new((short)area, (byte)district, (byte)rng.Next(10), (byte)rng.Next(Postcode.UnitLetters.Length), (byte)rng.Next(Postcode.UnitLetters.Length));
}
