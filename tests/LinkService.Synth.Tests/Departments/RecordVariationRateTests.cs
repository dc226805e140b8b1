using LinkService.Synth.Departments;
using LinkService.Synth.Names;
using LinkService.Synth.Population;
using LinkService.Synth.Randomness;
using LinkService.Synth.Tests.Support;

namespace LinkService.Synth.Tests.Departments;

/// <summary>
/// Each error class of <see cref="Variation"/> at its department's rate, measured on one deterministic sample of
/// first records (copy 0) among the people it can happen to, within four standard errors.
/// </summary>
public sealed class RecordVariationRateTests : IClassFixture<RecordVariationRateTests.Sample>
{
    private readonly Sample _sample;

    public RecordVariationRateTests(Sample sample) => _sample = sample;

    public static TheoryData<string, string> Classes => new()
    {
        { "justice", "sex-differs" }, { "welfare", "sex-differs" },
        { "justice", "ni-transposed" }, { "welfare", "ni-transposed" },
        { "justice", "ni-missing" }, { "welfare", "ni-missing" },
        { "justice", "dob-year-off-by-one" }, { "welfare", "dob-year-off-by-one" },
        { "justice", "dob-day-month-swapped" },
        { "justice", "short-forename" }, { "welfare", "short-forename" },
        { "justice", "nickname" }, { "welfare", "nickname" },
        { "justice", "middle-as-forename" }, { "welfare", "middle-as-forename" },
        { "justice", "alias-forename" }, { "welfare", "alias-forename" },
        { "justice", "names-swapped" }, { "welfare", "names-swapped" },
        { "justice", "earlier-surname" }, { "welfare", "earlier-surname" },
        { "justice", "earlier-address" }, { "welfare", "earlier-address" },
    };

    [Theory]
    [MemberData(nameof(Classes))]
    public void Create_FirstRecords_CarryEachClassAtTheDepartmentsRate(string department, string name)
    {
        var profile = Profile(department);
        var variation = VariationNames.Parse(name);
        var (among, expected) = Expectation(variation, profile, NameTables.Instance);

        var eligible = _sample.Records(department).Where(r => among(r.Person)).ToList();
        var observed = eligible.Count(r => r.Record.Variations.HasFlag(variation)) / (double)eligible.Count;

        var standardError = Math.Sqrt(Math.Max(expected * (1 - expected), 1e-6) / eligible.Count);
        Assert.True(eligible.Count >= 1_000, $"only {eligible.Count} people this can happen to");
        Assert.InRange(observed, expected - (4 * standardError), expected + (4 * standardError));
    }

    [Fact]
    public void Create_NamesSwapped_HalfTheSwapsCarryATypoInOneOfTheNames()
    {
        var swapped = _sample.Records("justice").Concat(_sample.Records("welfare"))
            .Where(r => r.Record.Variations.HasFlag(Variation.NamesSwapped)).ToList();

        var withTypo = swapped.Count(r => r.Record.Variations.HasFlag(Variation.ForenameTypo) != r.Record.Variations.HasFlag(Variation.SurnameTypo));

        Assert.InRange(swapped.Count, 2_400, 2_850);
        Assert.InRange(withTypo / (double)swapped.Count, 0.45, 0.6);
    }

    [Fact]
    public void Create_DayMonthSwapped_OnlyWhereTheSourceWritesDayAndMonthFirst()
    {
        var isoSource = new RecordVariation(DepartmentProfiles.Justice, NameTables.Instance, default, dayMonthAmbiguous: false);
        var rng = new SplitMix(5);

        var swapped = _sample.People.Take(50_000).Count(p => isoSource.Create(p, 0, ref rng).Variations.HasFlag(Variation.BirthDayMonthSwapped));

        Assert.Equal(0, swapped);
    }

    [Fact]
    public void Create_JusticeAliases_UseEachKindOfAlias()
    {
        var aliases = _sample.Aliases;
        double Share(Variation v) => aliases.Count(a => a.Variations.HasFlag(v)) / (double)aliases.Count;

        Assert.InRange(Share(Variation.AliasForename), 0.14, 0.19);
        Assert.InRange(Share(Variation.Nickname), 0.08, 0.2);
        Assert.InRange(Share(Variation.ShortForename), 0.05, 0.13);
        Assert.InRange(Share(Variation.MiddleAsForename), 0.05, 0.12);
        Assert.InRange(Share(Variation.BirthYearOffByOne), 0.07, 0.1);
        Assert.InRange(Share(Variation.BirthDayMonthSwapped), 0.02, 0.04);
        Assert.InRange(Share(Variation.NamesSwapped), 0.04, 0.07);
    }

    /// <summary>Who a class can happen to, and the rate it should happen at among them.</summary>
    private static (Func<Person, bool> Among, double Rate) Expectation(Variation variation, DepartmentProfile p, NameTables names)
    {
        var rng = default(SplitMix);
        return variation switch
        {
            Variation.SexDiffers => (_ => true, p.SexDiffers),
            Variation.NiMissing => (person => person.HasNi, p.NiMissing),
            Variation.NiTransposed => (person => person.HasNi, (1 - p.NiMissing) * p.NiTransposed),
            Variation.BirthYearOffByOne => (person => person.BirthDate is { Day: > 12 } d && d is not { Month: 2, Day: 29 }, p.BirthYearOffByOne),
            Variation.BirthDayMonthSwapped => (person => person.BirthDate.Day <= 12 && person.BirthDate.Day != person.BirthDate.Month, p.DayMonthTransposed),
            Variation.ShortForename => (person => names.ShortForenames.Of(person.Forename, person.Sex, ref rng) is not null, p.ShortForename),
            Variation.Nickname => (person => names.Nicknames.FormsOf(person.Forename, person.Sex).Count > 0, p.NicknameUsed),
            Variation.MiddleAsForename => (person => person.Middle1 is not null, p.MiddleAsForename),
            Variation.AliasForename => (_ => true, p.AliasForename),
            Variation.NamesSwapped => (_ => true, p.NamesSwapped),
            Variation.EarlierSurname => (person => person.EarlierSurname is not null, 1 - p.Recency),
            Variation.EarlierAddress => (person => person.EarlierHome is not null, (1 - p.Recency) * (1 - p.PostcodeMissing)),
            _ => throw new ArgumentOutOfRangeException(nameof(variation), variation, "no expectation written for it"),
        };
    }

    private static DepartmentProfile Profile(string department) =>
        department == "justice" ? DepartmentProfiles.Justice : DepartmentProfiles.Welfare;

    /// <summary>200,000 people, each recorded once by each department, and 50,000 justice aliases.</summary>
    public sealed class Sample
    {
        private const int Size = 200_000;
        private readonly Dictionary<string, List<(Person Person, RecordIdentity Record)>> _records = [];

        public Sample()
        {
            var factory = Plans.People(Plans.Default(Size));
            People = [.. Enumerable.Range(0, Size).Select(k => factory.Create(k))];
            foreach (var department in new[] { "justice", "welfare" })
            {
                var variation = new RecordVariation(Profile(department), NameTables.Instance, default, dayMonthAmbiguous: true);
                _records[department] = [.. People.Select((p, k) =>
                {
                    var rng = SplitMix.For((ulong)department.Length, (ulong)k);
                    return (p, variation.Create(p, 0, ref rng));
                })];
            }

            var justice = new RecordVariation(DepartmentProfiles.Justice, NameTables.Instance, default, dayMonthAmbiguous: true);
            Aliases = [.. People.Take(50_000).Select((p, k) =>
            {
                var rng = SplitMix.For(99, (ulong)k);
                return justice.Create(p, 1, ref rng);
            })];
        }

        internal IReadOnlyList<Person> People { get; }

        internal IReadOnlyList<RecordIdentity> Aliases { get; }

        internal IReadOnlyList<(Person Person, RecordIdentity Record)> Records(string department) => _records[department];
    }
}
