namespace LinkService.Configuration.Projects.Linkage;

/// <summary>How a canonical field's raw values are cleaned before blocking and comparison.</summary>
public enum StandardiseAs
{
    /// <summary>Chosen from the canonical field's name (forename, surname, date_of_birth, postcode, …).</summary>
    Auto,
    Forename,
    Surname,
    Name,
    Text,
    Date,
    Sex,
    Postcode,
    NiNumber,
    Reference,

    /// <summary>Letters and digits only, upper-cased (a department's reference where leading zeros count).</summary>
    UpperAlnum,

    /// <summary>An email address: trimmed and upper-cased; a value without one '@' between text is missing.</summary>
    Email,

    /// <summary>A phone number: digits only, a UK international prefix (+44, 0044) read as the leading 0.</summary>
    Phone,

    /// <summary>An address line: folded, with the usual street words abbreviated (ROAD → RD, STREET → ST).</summary>
    Address,
}

/// <summary>What a blocking key takes from a standardised field.</summary>
public enum KeyTransform
{
    Exact,
    Soundex,
    Nysiis,
    DoubleMetaphone,
    Initial,
    Prefix,
    Year,
    Month,
    YearMonth,

    /// <summary>A date's month and day, whatever the year: the same birthday with the year recorded wrong.</summary>
    MonthDay,
    PostcodeArea,
    PostcodeDistrict,
    PostcodeSector,
}

/// <summary>The test one comparison level applies to a pair of standardised values.</summary>
public enum ComparisonMethod
{
    Exact,
    JaroWinkler,
    Jaro,
    Levenshtein,
    DamerauLevenshtein,
    Soundex,
    DoubleMetaphone,
    Nickname,
    Initial,

    /// <summary>A short form: the shorter name (two letters or more) begins the longer, or shares its first three letters (Jo / Joanne, Kate / Katherine).</summary>
    Prefix,
    Swapped,

    /// <summary>The value is one of the words of the other record's <c>otherField</c>, either way round (a forename given as a middle name).</summary>
    InOtherField,
    DateTransposed,
    DateOneDigit,

    /// <summary>Day and month equal, years one apart.</summary>
    YearOffByOne,
    SameYearMonth,
    SameYear,
    YearsApart,
    PostcodeSector,
    PostcodeDistrict,
    PostcodeArea,
}
