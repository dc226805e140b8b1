using System.Numerics;

namespace LinkService.Synth.Departments;

/// <summary>
/// The names of <see cref="Variation"/>s as truth.csv writes them: kebab-case, joined by <c>;</c>
/// (never a comma, so readers that split the file on commas keep working).
/// </summary>
internal static class VariationNames
{
    private static readonly string[] Names =
    [
        "nickname", "short-forename", "middle-as-forename", "alias-forename", "forename-typo", "surname-typo",
        "names-swapped", "surname-part", "forename-missing", "earlier-surname", "dob-slip", "dob-year-off-by-one",
        "dob-day-month-swapped", "dob-defaulted", "dob-missing", "sex-differs", "sex-unknown", "earlier-address",
        "postcode-missing", "postcode-typo", "ni-missing", "ni-transposed", "ni-typo",
    ];

    public static string Name(Variation single) => Names[BitOperations.TrailingZeroCount((uint)single)];

    public static string Format(Variation variations) =>
        string.Join(';', Enum.GetValues<Variation>()
            .Where(v => BitOperations.IsPow2((uint)v) && variations.HasFlag(v))
            .Select(Name));

    public static Variation Parse(string text) =>
        text.Length == 0
            ? Variation.None
            : text.Split(';').Aggregate(Variation.None, (all, name) => all | (Array.IndexOf(Names, name) is >= 0 and var bit
                ? (Variation)(1u << bit)
                : throw new FormatException($"'{name}' is not a variation truth.csv names.")));
}
