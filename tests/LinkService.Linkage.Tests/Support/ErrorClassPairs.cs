namespace LinkService.Linkage.Tests.Support;

/// <summary>
/// Per error class of issue 11, a justice record and a welfare record of one person differing only in that way
/// (justice records mostly lack the NI number), plus two different people who share a common name and birth year.
/// Rare made-up surnames keep each pair away from the synth population and from each other; the two SARAH SMITH pairs
/// live at different postcodes (two SARAH SMITHs at one address with different birth dates, a mother and daughter,
/// can link within a small extract: name and address are not independent there).
/// </summary>
internal static class ErrorClassPairs
{
    public const string DifferentPeople = "different-people-common-name";

    public static IReadOnlyDictionary<string, (Recorded Justice, Recorded Welfare)> All { get; } = new Dictionary<string, (Recorded, Recorded)>(StringComparer.Ordinal)
    {
        ["common-name-new-postcode"] = (new("SARAH", null, "SMITH", "1983-07-19", "F", "LS6 2AB", null), new("SARAH", null, "SMITH", "1983-07-19", "F", "M14 5RT", null)),
        ["dob-year-off-by-one"] = (new("ROSALIND", null, "QUENBY", "1979-03-14", "F", "YO10 3JD", null), new("ROSALIND", null, "QUENBY", "1980-03-14", "F", "YO10 3JD", "JR123456C")),
        ["dob-day-month-swapped"] = (new("ALARIC", null, "VENNACOTT", "1975-04-09", "M", "BS3 4QT", null), new("ALARIC", null, "VENNACOTT", "1975-09-04", "M", "BS3 4QT", "JT223344A")),
        ["short-forename-jo"] = (new("JO", null, "TREGORRAN", "1988-11-02", "F", "PL4 8AA", null), new("JOANNE", null, "TREGORRAN", "1988-11-02", "F", "PL4 8AA", "JX445566B")),
        ["short-forename-kate"] = (new("KATE", null, "HOLLINSBY", "1991-01-27", "F", "NE6 1SG", null), new("KATHERINE", null, "HOLLINSBY", "1991-01-27", "F", "NE6 1SG", "JY556677C")),
        ["forename-as-middle-name"] = (new("PAUL", null, "DRAXWORTH", "1969-08-30", "M", "CF24 3DL", null), new("JOHN", "PAUL", "DRAXWORTH", "1969-08-30", "M", "CF24 3DL", "JZ667788D")),
        ["names-swapped-with-typo"] = (new("ORMSKILL", null, "BENEDIKT", "1972-12-05", "M", "SO15 2GH", null), new("BENEDICT", null, "ORMSKILL", "1972-12-05", "M", "SO15 2GH", "KA778899A")),
        ["alias-forename"] = (new("DEAN", null, "FARQUHARSON", "1985-05-17", "M", "G42 8QP", null), new("MARCUS", null, "FARQUHARSON", "1985-05-17", "M", "G42 8QP", "KB889900B")),
        ["married-surname"] = (new("LEONORA", null, "PRIDDLEWICK", "1984-10-08", "F", "EX2 7LB", null), new("LEONORA", null, "OAKENSHAW", "1984-10-08", "F", "EX2 7LB", "KC990011C")),
        ["sex-differs"] = (new("MORWENNA", null, "TRELAWNEY", "1990-02-21", "M", "TR1 2HE", null), new("MORWENNA", null, "TRELAWNEY", "1990-02-21", "F", "TR1 2HE", "KD101112D")),
        ["ni-transposed"] = (new("CASSIUS", null, "WHITTLEBURY", "1966-06-11", "M", "NN1 5DA", "KE123456A"), new("CASSIUS", null, "WHITTLEBURY", "1966-06-11", "M", "NN1 5DA", "KE124356A")),
        [DifferentPeople] = (new("SARAH", null, "SMITH", "1986-03-02", "F", "HU5 3QP", null), new("SARAH", null, "SMITH", "1986-09-25", "F", "DN4 8LT", null)),
    };
}
