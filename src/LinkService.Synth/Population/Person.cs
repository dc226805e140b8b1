namespace LinkService.Synth.Population;

/// <summary>
/// One member of the synthetic population as they truly are. Every department's record of them
/// starts from this and departs from it in small ways.
/// </summary>
internal struct Person
{
    /// <summary>The person's id in truth.csv.</summary>
    public long Id;

    public Sex Sex;

    public string Forename;

    public string? Middle1;

    public string? Middle2;

    /// <summary>The surname now.</summary>
    public string Surname;

    /// <summary>The surname before a recent marriage, when there was one; older records hold it.</summary>
    public string? EarlierSurname;

    public DateOnly BirthDate;

    public Address Home;

    /// <summary>The address before a recent move, when there was one; older records hold it.</summary>
    public Address? EarlierHome;

    /// <summary>Some people have no NI number on any record (recent arrivals, the never-employed).</summary>
    public bool HasNi;

    public NiNumber Ni;

    /// <summary>A ten-digit reference shared across departments, for sources that carry one.</summary>
    public long Reference;
}
