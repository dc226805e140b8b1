using LinkService.Configuration.Schemas;

namespace LinkService.Configuration.Projects.Linkage;

/// <summary>The defaults a short project file gets: person linkage on name, date of birth, sex and postcode.</summary>
public static class LinkageDefaults
{
    public static StandardiseAs KindFor(string field) => field switch
    {
        CanonicalField.Forename => StandardiseAs.Forename,
        CanonicalField.Surname => StandardiseAs.Surname,
        CanonicalField.MiddleNames or CanonicalField.FullName => StandardiseAs.Name,
        CanonicalField.DateOfBirth => StandardiseAs.Date,
        CanonicalField.Sex => StandardiseAs.Sex,
        CanonicalField.Postcode => StandardiseAs.Postcode,
        CanonicalField.NationalInsuranceNumber => StandardiseAs.NiNumber,
        CanonicalField.ReferenceNumber => StandardiseAs.Reference,
        _ => StandardiseAs.Text,
    };

    public static IReadOnlyList<BlockingRuleSpec> Blocking { get; } =
    [
        Rule(Key(CanonicalField.Surname), Key(CanonicalField.DateOfBirth)),
        Rule(Key(CanonicalField.Forename), Key(CanonicalField.DateOfBirth)),
        Rule(Key(CanonicalField.DateOfBirth), Key(CanonicalField.Postcode, KeyTransform.PostcodeSector)),
        Rule(Key(CanonicalField.Surname, KeyTransform.DoubleMetaphone), Key(CanonicalField.Forename, KeyTransform.Initial), Key(CanonicalField.Postcode, KeyTransform.PostcodeDistrict)),
        Rule(Key(CanonicalField.Forename, KeyTransform.Soundex), Key(CanonicalField.Surname, KeyTransform.Soundex), Key(CanonicalField.DateOfBirth, KeyTransform.Year)),

        // Both names and part of the date: the birthday with the year off (by one or more), the year with a digit of
        // the day wrong or day and month swapped. The birth month alone (for a year and a day wrong at once) made a
        // fifth of the default project's candidate pairs at 1M x 3M, and blocking recall fell by 0.001 % without it.
        Rule(Key(CanonicalField.Forename), Key(CanonicalField.Surname), Key(CanonicalField.DateOfBirth, KeyTransform.MonthDay)),
        Rule(Key(CanonicalField.Forename), Key(CanonicalField.Surname), Key(CanonicalField.DateOfBirth, KeyTransform.Year)),

        // Both names in either order with the date of birth: forename and surname swapped, at a new address.
        new() { Keys = [Key(CanonicalField.Forename), Key(CanonicalField.Surname), Key(CanonicalField.DateOfBirth)], AnyOrder = true },

        // Surname and sector: a new forename (alias) or a date of birth off in more than one way, at the same address.
        // The district (a move nearby too) made 8M of 28M candidate pairs at 1M x 3M for 0.03 % more blocking recall.
        Rule(Key(CanonicalField.Surname), Key(CanonicalField.Postcode, KeyTransform.PostcodeSector)),

        // Two errors at once, each rule robust to any pair of them that leaves its keys alone: the names' initials in
        // either order with the date of birth (names swapped with a typo, a typo in each, at a new address); forename
        // and the full postcode (a surname typo or a new surname with a date of birth off).
        new() { Keys = [Key(CanonicalField.Forename, KeyTransform.Initial), Key(CanonicalField.Surname, KeyTransform.Initial), Key(CanonicalField.DateOfBirth)], AnyOrder = true },
        Rule(Key(CanonicalField.Forename), Key(CanonicalField.Postcode)),
    ];

    public static IReadOnlyList<ComparisonSpec> Comparisons { get; } =
    [
        Names(CanonicalField.Forename, CanonicalField.Surname, nicknames: true),
        Names(CanonicalField.Surname, CanonicalField.Forename, nicknames: false),
        new()
        {
            Field = CanonicalField.DateOfBirth,
            Levels =
            [
                Level(ComparisonMethod.Exact), Level(ComparisonMethod.DateTransposed), Level(ComparisonMethod.YearOffByOne), Level(ComparisonMethod.DateOneDigit),
                Level(ComparisonMethod.SameYearMonth), Level(ComparisonMethod.SameYear),
            ],
        },
        new() { Field = CanonicalField.Sex, Levels = [Level(ComparisonMethod.Exact)] },
        new()
        {
            Field = CanonicalField.Postcode,
            Levels = [Level(ComparisonMethod.Exact), Level(ComparisonMethod.PostcodeSector), Level(ComparisonMethod.PostcodeDistrict), Level(ComparisonMethod.PostcodeArea)],
        },
    ];

    public static ComparisonSpec Names(string field, string other, bool nicknames) => new()
    {
        Field = field,
        TermFrequency = true,
        Levels =
        [
            Level(ComparisonMethod.Exact),
            .. nicknames ? new[] { Level(ComparisonMethod.Nickname) } : [],
            Level(ComparisonMethod.JaroWinkler, threshold: 0.92),
            .. nicknames ? new[] { Level(ComparisonMethod.Prefix), new() { Method = ComparisonMethod.InOtherField, OtherField = CanonicalField.MiddleNames } } : [],
            new() { Method = ComparisonMethod.Swapped, OtherField = other },
            Level(ComparisonMethod.JaroWinkler, threshold: 0.8),
            Level(ComparisonMethod.Initial),
        ],
    };

    private static ComparisonLevelSpec Level(ComparisonMethod method, double threshold = 0.9) => new() { Method = method, Threshold = threshold };

    private static BlockingKeySpec Key(string field, KeyTransform transform = KeyTransform.Exact) => new() { Field = field, Transform = transform };

    private static BlockingRuleSpec Rule(params BlockingKeySpec[] keys) => new() { Keys = keys };
}
