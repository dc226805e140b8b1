namespace LinkService.Synth.Departments;

/// <summary>
/// How one department sees the population: who it holds, how often it records a person twice,
/// and how often each identifier differs from the truth. Rates are per record and small, so most
/// records carry no difference or one, as in real administrative data.
/// </summary>
internal sealed record DepartmentProfile
{
    /// <summary>The share of the population this department holds at least one record for.</summary>
    public double PopulationShare { get; init; } = 0.6;

    /// <summary>Of the people in the smaller of two sources, the share also in this one.</summary>
    public double Overlap { get; init; } = 0.7;

    /// <summary>What a second record of the same person is: an alias, or a repeat (another claim).</summary>
    public DuplicateKind Duplicates { get; init; } = DuplicateKind.Repeat;

    /// <summary>The share of this department's people with more than one record.</summary>
    public double DuplicateShare { get; init; } = 0.03;

    /// <summary>Relative weights of 1, 2, 3, … extra records for a person who has extras.</summary>
    public IReadOnlyList<double> ExtraRecordWeights { get; init; } = [1.0];

    /// <summary>Whether its people are mostly young men (an offender population).</summary>
    public bool YoungMenSkew { get; init; }

    /// <summary>
    /// How recent its view of a person is, 0 to 1: at 0 it holds the earlier surname and address of
    /// people who married or moved, at 1 the current ones, in between a mix.
    /// </summary>
    public double Recency { get; init; } = 0.5;

    /// <summary>Whether it writes surnames in capitals, as many police and court systems do.</summary>
    public bool UpperCaseSurnames { get; init; }

    public double ForenameTypo { get; init; } = 0.02;

    public double SurnameTypo { get; init; } = 0.02;

    /// <summary>A double-barrelled surname recorded as one of its parts.</summary>
    public double SurnamePartOnly { get; init; } = 0.2;

    /// <summary>A surname's apostrophe or hyphen dropped (O'Brien as OBrien), as older systems do.</summary>
    public double PunctuationDropped { get; init; }

    /// <summary>Recorded under another form of the forename (Bill for William).</summary>
    public double NicknameUsed { get; init; } = 0.02;

    /// <summary>Recorded under a short form no nickname table lists (Jen for Jennifer, Steph for Stephanie).</summary>
    public double ShortForename { get; init; } = 0.01;

    /// <summary>Of people with a middle name, the share recorded under it (first and middle swapped, or the middle alone).</summary>
    public double MiddleAsForename { get; init; } = 0.01;

    /// <summary>Recorded under a different forename altogether, the other identifiers as they are.</summary>
    public double AliasForename { get; init; }

    public double NamesSwapped { get; init; } = 0.005;

    /// <summary>Of records with forename and surname swapped, the share with a typo in one of them as well (one mis-keyed entry).</summary>
    public double SwappedNameTypo { get; init; } = 0.5;

    public double MiddleNamesOmitted { get; init; } = 0.2;

    public double ForenameMissing { get; init; } = 0.002;

    /// <summary>
    /// Of records whose date of birth can be read the other way round (day 12 or less, in a format that
    /// puts day and month first), the share recorded with day and month swapped.
    /// </summary>
    public double DayMonthTransposed { get; init; } = 0.01;

    /// <summary>The year of birth off by one, day and month right.</summary>
    public double BirthYearOffByOne { get; init; } = 0.003;

    /// <summary>The day or the month of birth off by one (a slip of one digit).</summary>
    public double BirthDateSlip { get; init; } = 0.003;

    public double BirthDateMissing { get; init; } = 0.002;

    /// <summary>Only the year known, recorded as 1 January of it.</summary>
    public double BirthDateDefaulted { get; init; } = 0.001;

    /// <summary>The other sex recorded: a keying error, or a change of recorded gender one system has and the other not.</summary>
    public double SexDiffers { get; init; } = 0.002;

    public double SexUnknown { get; init; } = 0.005;

    public double PostcodeMissing { get; init; } = 0.03;

    public double PostcodeTypo { get; init; } = 0.005;

    public double NiMissing { get; init; } = 0.05;

    /// <summary>Two neighbouring digits of the NI number swapped, the commonest slip in keying a number.</summary>
    public double NiTransposed { get; init; } = 0.003;

    /// <summary>One character of the NI number misread.</summary>
    public double NiTypo { get; init; } = 0.002;

    /// <summary>Writes the NI number in the spaced form of the card.</summary>
    public double NiSpaced { get; init; }

    /// <summary>An optional content value left blank.</summary>
    public double ContentMissing { get; init; } = 0.03;
}
