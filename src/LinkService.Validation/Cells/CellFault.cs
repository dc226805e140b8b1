namespace LinkService.Validation.Cells;

/// <summary>What, if anything, is wrong with one cell.</summary>
internal enum CellFault : byte
{
    None,

    /// <summary>The cell is a missing value and the field is optional: nothing more to check.</summary>
    Missing,
    Required,
    Type,
    MinLength,
    MaxLength,
    Pattern,
    PatternTimeout,
    Enum,
    Minimum,
    Maximum,
}
