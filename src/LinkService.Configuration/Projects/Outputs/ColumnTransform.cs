namespace LinkService.Configuration.Projects.Outputs;

/// <summary>How a chosen column's values are turned into what an analyst sees (JSON names in kebab case).</summary>
public enum ColumnTransform
{
    /// <summary>The value as delivered (content columns only).</summary>
    Keep,

    /// <summary>A date's year, e.g. a date of birth to its year of birth.</summary>
    YearOfBirth,

    /// <summary>Whole years from the date to a fixed date or another date column, in bands of <c>bandWidth</c> years ("30-39").</summary>
    AgeBand,

    /// <summary>A postcode's outward code ("SW1A").</summary>
    PostcodeDistrict,

    /// <summary>A postcode's outward code and the first digit of its inward code ("SW1A 1").</summary>
    PostcodeSector,

    /// <summary>A date to its year and month ("2024-05").</summary>
    Month,

    /// <summary>A date to its year.</summary>
    Year,

    /// <summary>A number above <c>maximum</c> becomes <c>maximum</c>.</summary>
    TopCode,

    /// <summary>Each value to its group in <c>groups</c>; a value not listed to <c>default</c>.</summary>
    Category,
}

/// <summary>What k-anonymity does with the rows of an equivalence class smaller than k.</summary>
public enum SmallClassAction
{
    /// <summary>The rows stay, with every quasi-identifier blanked.</summary>
    Suppress,

    /// <summary>The rows are left out of the file.</summary>
    Drop,
}
