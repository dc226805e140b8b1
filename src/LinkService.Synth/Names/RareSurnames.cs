using LinkService.Synth.Randomness;

namespace LinkService.Synth.Names;

/// <summary>
/// The long tail of surnames: English-looking names built from place-name syllables
/// (Ashingworth, Tremore, Wadleyford), about 16,000 of them, each rare. Together with the common
/// list they give the mix of frequent and rare names that makes some agreements far more telling
/// than others.
/// </summary>
internal sealed class RareSurnames
{
    private static readonly string[] Prefixes =
    [
        "Ash", "Black", "Brad", "Brom", "Cald", "Carl", "Chad", "Craw", "Dal", "Dun", "Eld", "Fair", "Farn",
        "Fen", "Gar", "Glen", "Grim", "Hal", "Hart", "Hather", "Kel", "Kings", "Lang", "Lid", "Mar", "Mel",
        "Mor", "Nether", "Oak", "Ock", "Pen", "Prest", "Rad", "Raven", "Ros", "Sal", "Shel", "Stan", "Stock",
        "Thorn", "Tre", "Ul", "Wad", "Wal", "Went", "Whit", "Wim", "Wol", "Wood", "Yar",
    ];

    private static readonly string[] Middles = ["", "er", "ing", "ley", "en", "s", "el", "ham"];

    private static readonly string[] Suffixes =
    [
        "by", "combe", "croft", "dale", "den", "field", "ford", "gate", "ham", "hurst", "ington", "ley", "low",
        "more", "ridge", "shaw", "stone", "thorpe", "ton", "wick", "well", "worth", "wood", "win", "cott",
        "bury", "hill", "land", "mouth", "stead", "brook", "bridge", "holme", "lock", "nett", "ock", "kins",
        "son", "ett", "er",
    ];

    private readonly string[] _names;

    public RareSurnames()
    {
        var names = new List<string>(Prefixes.Length * Middles.Length * Suffixes.Length);
        foreach (var prefix in Prefixes)
        {
            foreach (var middle in Middles)
            {
                foreach (var suffix in Suffixes)
                {
                    names.Add(prefix + middle + suffix);
                }
            }
        }

        _names = [.. names.Distinct(StringComparer.Ordinal)];
    }

    public int Count => _names.Length;

    public string Sample(ref SplitMix rng) => _names[rng.Next(_names.Length)];
}
