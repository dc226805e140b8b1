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

    public double NamesSwapped { get; init; } = 0.005;

    public double MiddleNamesOmitted { get; init; } = 0.2;

    public double ForenameMissing { get; init; } = 0.002;

    public double DayMonthTransposed { get; init; } = 0.005;

    /// <summary>A different day, month or year of birth (a slip of one digit).</summary>
    public double BirthDateSlip { get; init; } = 0.005;

    public double BirthDateMissing { get; init; } = 0.002;

    /// <summary>Only the year known, recorded as 1 January of it.</summary>
    public double BirthDateDefaulted { get; init; } = 0.001;

    public double SexUnknown { get; init; } = 0.005;

    public double PostcodeMissing { get; init; } = 0.03;

    public double PostcodeTypo { get; init; } = 0.005;

    public double NiMissing { get; init; } = 0.05;

    public double NiTypo { get; init; } = 0.003;

    /// <summary>Writes the NI number in the spaced form of the card.</summary>
    public double NiSpaced { get; init; }

    /// <summary>An optional content value left blank.</summary>
    public double ContentMissing { get; init; } = 0.03;
}
