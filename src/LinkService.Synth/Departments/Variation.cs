namespace LinkService.Synth.Departments;

/// <summary>
/// The ways one record departs from the person it describes: the error classes real extracts carry.
/// Each record's set is written to truth.csv (<see cref="VariationNames"/>), so linkage quality can
/// be measured class by class; a pair of records differs by the union of its two records' sets.
/// </summary>
[Flags]
internal enum Variation : uint
{
    None = 0,

    /// <summary>Another form of the forename from the nickname table (Bill for William).</summary>
    Nickname = 1u << 0,

    /// <summary>A short form made from the forename's first syllable, outside the nickname table (Jen, Chris, Steph).</summary>
    ShortForename = 1u << 1,

    /// <summary>Known by a middle name: it is recorded as the forename, the forename as a middle name or not at all.</summary>
    MiddleAsForename = 1u << 2,

    /// <summary>A different forename altogether (an alias), with the other identifiers as they are.</summary>
    AliasForename = 1u << 3,

    ForenameTypo = 1u << 4,

    SurnameTypo = 1u << 5,

    /// <summary>Forename and surname recorded in each other's fields.</summary>
    NamesSwapped = 1u << 6,

    /// <summary>A double-barrelled surname recorded as one of its parts.</summary>
    SurnamePart = 1u << 7,

    ForenameMissing = 1u << 8,

    /// <summary>The surname before a recent marriage.</summary>
    EarlierSurname = 1u << 9,

    /// <summary>The day or the month of birth off by one.</summary>
    BirthDateSlip = 1u << 10,

    /// <summary>The year of birth off by one, day and month as they are.</summary>
    BirthYearOffByOne = 1u << 11,

    /// <summary>Day and month of birth swapped (only possible when the day is 12 or less).</summary>
    BirthDayMonthSwapped = 1u << 12,

    /// <summary>Only the year known, recorded as 1 January of it.</summary>
    BirthDateDefaulted = 1u << 13,

    BirthDateMissing = 1u << 14,

    /// <summary>The other sex recorded (keying error, a change of recorded gender).</summary>
    SexDiffers = 1u << 15,

    /// <summary>Sex coded as not known, or left blank.</summary>
    SexUnknown = 1u << 16,

    /// <summary>The address before a recent move.</summary>
    EarlierAddress = 1u << 17,

    PostcodeMissing = 1u << 18,

    PostcodeTypo = 1u << 19,

    /// <summary>The person has an NI number but this record does not hold it.</summary>
    NiMissing = 1u << 20,

    /// <summary>Two neighbouring digits of the NI number swapped.</summary>
    NiTransposed = 1u << 21,

    NiTypo = 1u << 22,

    /// <summary>What a department's view or its blanks explain, rather than a slip: not counted as a difference.</summary>
    Circumstance = EarlierSurname | EarlierAddress | PostcodeMissing | NiMissing,
}
