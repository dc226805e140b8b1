using System.Numerics;
using LinkService.Synth.Population;

namespace LinkService.Synth.Departments;

/// <summary>
/// The identifiers one department holds for a person on one record, after its differences from
/// the truth were decided. Null means the department left the value blank.
/// </summary>
internal struct RecordIdentity
{
    public string? Forename;

    public string? Middle1;

    public string? Middle2;

    public string? Surname;

    public bool ForenameTypo;

    public bool SurnameTypo;

    public DateOnly? BirthDate;

    /// <summary>0 male, 1 female, 2 unknown: the index into the sex column's codes; 3 left blank.</summary>
    public int SexCode;

    public Address? Address;

    public bool PostcodeTypo;

    public bool HasNi;

    public NiNumber Ni;

    public bool NiSpaced;

    public bool NiTypo;

    public long Reference;

    /// <summary>Every way this record departs from the person (written to truth.csv).</summary>
    public Variation Variations;

    /// <summary>How many slips (variations beyond the department's circumstances) the record carries.</summary>
    public readonly int Differences => BitOperations.PopCount((uint)(Variations & ~Variation.Circumstance));

    public void Add(Variation variation) => Variations |= variation;
}
