using LinkService.Validation.Report;

namespace LinkService.Validation.Cells;

/// <summary>
/// The words for a failing cell. They name the field and what is wrong, never the value: not an identifier's, and
/// not a content value either, since a receipt travels outside the service and content can identify too.
/// </summary>
internal static class CellMessages
{
    private const int MaxEnumListed = 12;

    public static string ErrorType(CellFault fault) => fault == CellFault.Type ? ErrorTypes.Type : ErrorTypes.Constraint;

    public static string Describe(FieldRule rule, CellFault fault) => fault == CellFault.Required
        ? $"field '{rule.Name}' is required, but the cell is empty"
        : $"the value in field '{rule.Name}' {Problem(rule, fault)}";

    /// <summary>What is wrong, said of one row's cell and the same for every row with it: the key errors are grouped by.</summary>
    public static string Problem(FieldRule rule, CellFault fault)
    {
        var cache = rule.Problems;
        var index = (int)fault;
        return cache[index] ??= Compose(rule, fault);
    }

    private static string Compose(FieldRule rule, CellFault fault)
    {
        var c = rule.Field.Constraints;
        return fault switch
        {
            CellFault.Required => "is empty but required",
            CellFault.Type => $"is not {rule.TypeCheck.Expected}",
            CellFault.MinLength => $"is shorter than the minimum length of {c!.MinLength} characters",
            CellFault.MaxLength => $"is longer than the maximum length of {c!.MaxLength} characters",
            CellFault.Pattern => $"does not match the pattern {c!.Pattern}",
            CellFault.PatternTimeout => $"took too long to check against the pattern {c!.Pattern}",
            CellFault.Enum => $"is not one of the allowed values ({EnumList(rule)})",
            CellFault.Minimum => $"is below the minimum {FieldRuleFactory.BoundText(c!.Minimum)}",
            CellFault.Maximum => $"is above the maximum {FieldRuleFactory.BoundText(c!.Maximum)}",
            _ => "is not valid",
        };
    }

    private static string EnumList(FieldRule rule)
    {
        var values = rule.EnumValues.Take(MaxEnumListed).ToList();
        var more = rule.EnumValues.Count > MaxEnumListed ? ", …" : "";
        return string.Join(", ", values) + more;
    }
}
