namespace LinkService.Synth.Departments;

/// <summary>
/// The profiles of the departments in the default configuration, by source name, and a middling
/// profile for any other source.
/// </summary>
internal static class DepartmentProfiles
{
    /// <summary>
    /// A justice system: about 30% of people, mostly young men, an older view of names and
    /// addresses, surnames in capitals, NI numbers mostly unknown, and several records (aliases) for
    /// about 8% of them. The rates and why they are realistic: src/LinkService.Synth/README.md.
    /// </summary>
    public static DepartmentProfile Justice { get; } = new()
    {
        PopulationShare = 0.30,
        Overlap = 0.8,
        Duplicates = DuplicateKind.Alias,
        DuplicateShare = 0.08,
        ExtraRecordWeights = [0.7, 0.2, 0.1],
        YoungMenSkew = true,
        Recency = 0.0,
        UpperCaseSurnames = true,
        ForenameTypo = 0.03,
        SurnameTypo = 0.03,
        SurnamePartOnly = 0.35,
        PunctuationDropped = 0.5,
        NicknameUsed = 0.04,
        ShortForename = 0.02,
        MiddleAsForename = 0.03,
        AliasForename = 0.01,
        NamesSwapped = 0.01,
        MiddleNamesOmitted = 0.25,
        ForenameMissing = 0.002,
        DayMonthTransposed = 0.02,
        BirthYearOffByOne = 0.006,
        BirthDateSlip = 0.006,
        BirthDateMissing = 0.005,
        BirthDateDefaulted = 0.004,
        SexDiffers = 0.004,
        SexUnknown = 0.01,
        PostcodeMissing = 0.08,
        PostcodeTypo = 0.005,
        NiMissing = 0.7,
        NiTransposed = 0.006,
        NiTypo = 0.004,
        NiSpaced = 0.2,
        ContentMissing = 0.03,
    };

    /// <summary>
    /// A benefits department: about 90% of people, the current names and addresses, NI numbers
    /// nearly always held, and several claims for about a quarter of its people.
    /// </summary>
    public static DepartmentProfile Welfare { get; } = new()
    {
        PopulationShare = 0.90,
        Overlap = 0.8,
        Duplicates = DuplicateKind.Repeat,
        DuplicateShare = 0.25,
        ExtraRecordWeights = [0.55, 0.25, 0.12, 0.08],
        Recency = 1.0,
        ForenameTypo = 0.015,
        SurnameTypo = 0.015,
        SurnamePartOnly = 0.1,
        NicknameUsed = 0.01,
        ShortForename = 0.008,
        MiddleAsForename = 0.015,
        NamesSwapped = 0.003,
        MiddleNamesOmitted = 0.15,
        ForenameMissing = 0.001,
        DayMonthTransposed = 0.01,
        BirthYearOffByOne = 0.003,
        BirthDateSlip = 0.003,
        BirthDateMissing = 0.001,
        BirthDateDefaulted = 0.001,
        SexDiffers = 0.002,
        SexUnknown = 0.003,
        PostcodeMissing = 0.02,
        PostcodeTypo = 0.003,
        NiMissing = 0.01,
        NiTransposed = 0.003,
        NiTypo = 0.002,
        ContentMissing = 0.02,
    };

    public static DepartmentProfile Default { get; } = new();

    public static DepartmentProfile For(string sourceName) =>
        string.Equals(sourceName, "justice", StringComparison.OrdinalIgnoreCase) ? Justice
        : string.Equals(sourceName, "welfare", StringComparison.OrdinalIgnoreCase) ? Welfare
        : Default;
}
