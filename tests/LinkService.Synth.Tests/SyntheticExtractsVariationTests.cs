using LinkService.Synth.Departments;
using LinkService.Synth.Names;
using LinkService.Synth.Tests.Support;

namespace LinkService.Synth.Tests;

/// <summary>
/// The error classes as they reach the written files: every record truth.csv labels with a class has a record of the
/// same person in the other source (or, for aliases, in its own) and differs from it in exactly the way the class
/// says (the other record comes from the other source where there is one, else from the same). Rates are held by <c>RecordVariationRateTests</c>; here, that the labels are true and the truth pairs them.
/// </summary>
public sealed class SyntheticExtractsVariationTests : IClassFixture<GeneratedExtracts>
{
    private const Variation Forename = Variation.Nickname | Variation.ShortForename | Variation.MiddleAsForename | Variation.AliasForename
        | Variation.ForenameTypo | Variation.NamesSwapped | Variation.ForenameMissing;

    private const Variation Surname = Variation.SurnameTypo | Variation.NamesSwapped | Variation.SurnamePart | Variation.EarlierSurname;

    private const Variation BirthDate = Variation.BirthDateSlip | Variation.BirthYearOffByOne | Variation.BirthDayMonthSwapped
        | Variation.BirthDateDefaulted | Variation.BirthDateMissing;

    private readonly List<RecordView> _views;
    private readonly ILookup<string, RecordView> _byPerson;

    public SyntheticExtractsVariationTests(GeneratedExtracts generated)
    {
        _views = RecordView.All(generated);
        _byPerson = _views.ToLookup(v => v.Person, StringComparer.Ordinal);
    }

    public static TheoryData<string, string, int> Classes => new()
    {
        { "sex-differs", "justice", 10 }, { "sex-differs", "welfare", 20 },
        { "dob-year-off-by-one", "justice", 15 }, { "dob-year-off-by-one", "welfare", 30 },
        { "dob-day-month-swapped", "justice", 15 },
        { "ni-transposed", "justice", 5 }, { "ni-transposed", "welfare", 30 },
        { "short-forename", "justice", 30 }, { "short-forename", "welfare", 50 },
        { "middle-as-forename", "justice", 50 }, { "middle-as-forename", "welfare", 100 },
        { "alias-forename", "justice", 40 },
        { "names-swapped", "justice", 30 }, { "names-swapped", "welfare", 30 },
        { "earlier-surname", "justice", 50 },
    };

    [Theory]
    [MemberData(nameof(Classes))]
    public void WriteAsync_RecordLabelledWithAClass_DiffersFromAnotherRecordOfThePersonInThatWay(string name, string source, int atLeast)
    {
        var variation = VariationNames.Parse(name);
        var spoilers = Touching(variation);
        var labelled = _views.Where(r => r.Source == source && r.Has(variation)).ToList();
        var pairs = labelled
            .Where(r => (r.Variations & spoilers & ~Allowed(variation)) == 0)
            .Select(r => (Record: r, Other: _byPerson[r.Person].Where(o => o != r && (o.Variations & spoilers) == 0).OrderBy(o => o.Source == source).FirstOrDefault()))
            .Where(p => p.Other is not null)
            .ToList();

        Assert.True(labelled.Count >= atLeast, $"{labelled.Count} {source} records labelled {name}");
        Assert.True(pairs.Count >= atLeast / 2, $"only {pairs.Count} of them have a comparable record of the same person");
        var wrong = pairs.Where(p => !Shows(variation, p.Record, p.Other!)).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {pairs.Count} do not show {name}, first: {wrong.FirstOrDefault()}");
    }

    [Fact]
    public void WriteAsync_SexUnknown_IsWrittenAsTheNotKnownCodeOrLeftBlank()
    {
        var unknown = _views.Where(r => r.Has(Variation.SexUnknown)).ToList();

        Assert.All(unknown, r => Assert.Contains(r.Sex, " U"));
        Assert.InRange(unknown.Count(r => r.Sex == ' ') / (double)unknown.Count, 0.25, 0.55);
        Assert.All(_views.Where(r => r.Sex is ' ' or 'U'), r => Assert.True(r.Has(Variation.SexUnknown)));
    }

    [Fact]
    public void WriteAsync_Welfare_NeverSwapsDayAndMonthInItsYearFirstDates()
    {
        Assert.DoesNotContain(_views, r => r.Source == "welfare" && r.Has(Variation.BirthDayMonthSwapped));
        Assert.Contains(_views, r => r.Source == "justice" && r.Has(Variation.BirthDayMonthSwapped));
    }

    [Fact]
    public void WriteAsync_JusticeAliases_AreWithinSourcePairsOfTheTruthThatDifferInANameOrTheDateOfBirth()
    {
        var people = _views.Where(r => r.Source == "justice").GroupBy(r => r.Person, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        var pairs = people.SelectMany(g => g.SelectMany((a, i) => g.Skip(i + 1).Select(b => (a, b)))).ToList();

        var differing = pairs.Count(p => p.a.Forename != p.b.Forename || p.a.Surname != p.b.Surname || p.a.BirthDate != p.b.BirthDate
            || !p.a.Middles.SequenceEqual(p.b.Middles, StringComparer.Ordinal));

        Assert.InRange(people.Count, 400, 600);
        Assert.Contains(people, g => g.Count() >= 3);
        Assert.InRange(differing / (double)pairs.Count, 0.97, 1.0);
    }

    [Fact]
    public void WriteAsync_CommonNames_SomeOffendersHaveOneWithTheExactDateOfBirthButNoNiNumberAndANewPostcode()
    {
        var common = CommonNames();
        var pairs = _views.Where(r => r.Source == "justice")
            .Select(j => (Justice: j, Welfare: _byPerson[j.Person].FirstOrDefault(w => w.Source == "welfare")))
            .Where(p => p.Welfare is not null)
            .ToList();

        var hard = pairs.Count(p => common.Contains((p.Justice.Forename, p.Justice.Surname)) && p.Justice.Forename == p.Welfare!.Forename
            && p.Justice.Surname == p.Welfare.Surname && p.Justice.BirthDate == p.Welfare.BirthDate && p.Justice.Ni.Length == 0
            && p.Justice.Postcode.Length > 0 && p.Justice.Postcode != p.Welfare.Postcode);

        Assert.InRange(hard / (double)pairs.Count, 0.004, 0.02);
    }

    [Fact]
    public void WriteAsync_CommonNames_DifferentPeopleShareNameAndBirthYear()
    {
        var common = CommonNames();
        var welfare = _views.Where(r => r.Source == "welfare" && r.BirthDate is not null && common.Contains((r.Forename, r.Surname)));

        var shared = welfare.GroupBy(r => (r.Forename, r.Surname, r.BirthDate!.Value.Year))
            .Count(g => g.Select(r => r.Person).Distinct(StringComparer.Ordinal).Count() > 1);

        Assert.True(shared >= 3, $"{shared} common name and birth year combinations shared by different people");
    }

    /// <summary>Forename and surname pairs made from the twenty commonest of each list (SARAH SMITH, DAVID JONES).</summary>
    private static HashSet<(string, string)> CommonNames()
    {
        var names = NameTables.Instance;
        var forenames = names.Male.All.Take(20).Concat(names.Female.All.Take(20));
        return [.. forenames.SelectMany(f => names.CommonSurnames.All.Take(20).Select(s => (f, s.ToUpperInvariant())))];
    }

    /// <summary>The variations that change the fields a class is seen in; the other record must carry none of them.</summary>
    private static Variation Touching(Variation variation) => variation switch
    {
        Variation.SexDiffers => Variation.SexDiffers | Variation.SexUnknown,
        Variation.BirthYearOffByOne or Variation.BirthDayMonthSwapped => BirthDate,
        Variation.NiTransposed => Variation.NiTransposed | Variation.NiTypo | Variation.NiMissing,
        Variation.ShortForename or Variation.MiddleAsForename => Forename,
        Variation.AliasForename or Variation.EarlierSurname => Forename | Surname | BirthDate,
        Variation.NamesSwapped => Forename | Surname,
        _ => throw new ArgumentOutOfRangeException(nameof(variation), variation, "no fields written for it"),
    };

    /// <summary>What a labelled record may carry besides its class and still show it plainly.</summary>
    private static Variation Allowed(Variation variation) => variation switch
    {
        Variation.NamesSwapped => Variation.NamesSwapped | Variation.ForenameTypo | Variation.SurnameTypo,
        _ => variation,
    };

    private static bool Shows(Variation variation, RecordView r, RecordView other) => variation switch
    {
        Variation.SexDiffers => r.Sex is 'M' or 'F' && other.Sex is 'M' or 'F' && r.Sex != other.Sex,
        Variation.BirthYearOffByOne => r.BirthDate is { } a && other.BirthDate is { } b && Math.Abs(a.Year - b.Year) == 1 && (a.Month, a.Day) == (b.Month, b.Day),
        Variation.BirthDayMonthSwapped => r.BirthDate is { } a && other.BirthDate is { } b && a.Year == b.Year && a.Day == b.Month && a.Month == b.Day && a != b,
        Variation.NiTransposed => IsTransposition(r.Ni, other.Ni),
        Variation.ShortForename => r.Forename.Length < other.Forename.Length && other.Forename.StartsWith(r.Forename, StringComparison.Ordinal),
        Variation.MiddleAsForename => r.Forename != other.Forename && (other.Middles.Contains(r.Forename) || r.Middles.Contains(other.Forename) || other.Middles.Length == 0),
        Variation.AliasForename => r.Forename != other.Forename && Letters(r.Surname) == Letters(other.Surname) && r.BirthDate == other.BirthDate,
        Variation.EarlierSurname => r.Forename == other.Forename && r.BirthDate == other.BirthDate && Letters(r.Surname) != Letters(other.Surname),
        Variation.NamesSwapped => Swapped(r, other),
        _ => false,
    };

    /// <summary>Forename and surname in each other's places; a typo label means exactly one of them is also misspelt.</summary>
    private static bool Swapped(RecordView r, RecordView other)
    {
        var forename = EditDistance.Of(r.Forename, other.Surname);
        var surname = EditDistance.Of(Letters(r.Surname), Letters(other.Forename));
        var typos = (forename > 0 ? 1 : 0) + (surname > 0 ? 1 : 0);
        var labelled = (r.Has(Variation.ForenameTypo) ? 1 : 0) + (r.Has(Variation.SurnameTypo) ? 1 : 0);
        return forename <= 2 && surname <= 2 && typos <= labelled && !string.Equals(r.Forename, other.Forename, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsTransposition(string a, string b)
    {
        if (a.Length != 9 || b.Length != 9 || a[..2] != b[..2] || a[8] != b[8])
        {
            return false;
        }

        var at = Enumerable.Range(2, 6).Where(i => a[i] != b[i]).ToList();
        return at.Count == 2 && at[1] == at[0] + 1 && a[at[0]] == b[at[1]] && a[at[1]] == b[at[0]];
    }

    /// <summary>A surname's letters alone, as the justice system may drop its apostrophe or hyphen.</summary>
    private static string Letters(string surname) => string.Concat(surname.Where(char.IsLetter)).ToUpperInvariant();
}
