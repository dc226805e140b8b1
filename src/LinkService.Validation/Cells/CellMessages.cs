using LinkService.Validation.Report;

namespace LinkService.Validation.Cells;

/// <summary>
/// The words for a failing cell. An identifier's or key's value is never quoted; a content value may be,
/// shortened, so a department can find it.
/// </summary>
internal static class CellMessages
{
    private const int MaxShown = 40;
    private const int MaxEnumListed = 12;

    public static string ErrorType(CellFault fault) => fault == CellFault.Type ? ErrorTypes.Type : ErrorTypes.Constraint;

    public static string Describe(FieldRule rule, CellFault fault, string cell)
    {
        var c = rule.Field.Constraints;
        var subject = Subject(rule, cell);
        return fault switch
        {
            CellFault.Required => $"field '{rule.Name}' is required, but the cell is empty",
            CellFault.Type => $"{subject} is not {rule.TypeCheck.Description}",
            CellFault.MinLength => $"{subject} is shorter than the minimum length of {c!.MinLength} characters",
            CellFault.MaxLength => $"{subject} is {cell.Length} characters long, more than the maximum of {c!.MaxLength}",
            CellFault.Pattern => $"{subject} does not match the pattern {c!.Pattern}",
            CellFault.PatternTimeout => $"{subject} took too long to check against the pattern {c!.Pattern}",
            CellFault.Enum => $"{subject} is not one of the allowed values ({EnumList(rule)})",
            CellFault.Minimum => $"{subject} is below the minimum {FieldRuleFactory.BoundText(c!.Minimum)}",
            CellFault.Maximum => $"{subject} is above the maximum {FieldRuleFactory.BoundText(c!.Maximum)}",
            _ => $"{subject} is not valid",
        };
    }

    private static string Subject(FieldRule rule, string cell)
    {
        if (rule.IsSensitive)
        {
            return $"the value in {rule.Field.Role.ToString().ToLowerInvariant()} field '{rule.Name}'";
        }

        var shown = cell.Length <= MaxShown ? cell : cell[..MaxShown] + "…";
        return $"the value \"{shown}\" in field '{rule.Name}'";
    }

    private static string EnumList(FieldRule rule)
    {
        var values = rule.EnumValues.Take(MaxEnumListed).ToList();
        var more = rule.EnumValues.Count > MaxEnumListed ? ", …" : "";
        return string.Join(", ", values) + more;
    }
}
