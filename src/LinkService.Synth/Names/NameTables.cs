using LinkService.Synth.Population;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Names;

/// <summary>Every name list the generator draws from, loaded once from the embedded resources.</summary>
internal sealed class NameTables
{
    /// <summary>The share of people whose surname comes from the common list; the rest are rare.</summary>
    public const double CommonSurnameShare = 0.7;

    private static readonly Lazy<NameTables> Loaded = new(() => new NameTables());

    private NameTables()
    {
        Male = new WeightedNames(ResourceText.Lines("forenames-male.txt"), offset: 10);
        Female = new WeightedNames(ResourceText.Lines("forenames-female.txt"), offset: 10);
        CommonSurnames = new WeightedNames(ResourceText.Lines("surnames.txt"), offset: 20);
        RareSurnames = new RareSurnames();
        Nicknames = new Nicknames(ResourceText.Lines("nicknames.txt"));
        ShortForenames = new ShortForenames(Male, Female, Nicknames);
        Areas = new PostcodeAreas(ResourceText.Lines("postcode-areas.txt"));
    }

    public static NameTables Instance => Loaded.Value;

    public WeightedNames Male { get; }

    public WeightedNames Female { get; }

    public WeightedNames CommonSurnames { get; }

    public RareSurnames RareSurnames { get; }

    public Nicknames Nicknames { get; }

    public ShortForenames ShortForenames { get; }

    public PostcodeAreas Areas { get; }

    public string Forename(Sex sex, ref SplitMix rng) => (sex == Sex.Female ? Female : Male).Sample(ref rng);

    public string Surname(ref SplitMix rng) =>
        rng.Chance(CommonSurnameShare) ? CommonSurnames.Sample(ref rng) : RareSurnames.Sample(ref rng);
}
