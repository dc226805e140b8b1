using System.Text.RegularExpressions;
using LinkService.Configuration.Schemas;

namespace LinkService.Validation.Cells;

/// <summary>
/// One schema field compiled for the hot loop: missing values, the type check and each constraint,
/// with no allocation for a valid cell. Build with <see cref="FieldRuleFactory"/>.
/// </summary>
internal sealed class FieldRule
{
    private readonly StringSet _missingValues = new([]);

    public required SchemaField Field { get; init; }

    public required StringSet MissingValues
    {
        get => _missingValues;
        init => _missingValues = value;
    }

    public required CellTypeCheck TypeCheck { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public Regex? Pattern { get; init; }

    /// <summary>The same pattern as a fixed-shape matcher, where it has that shape; used instead of <see cref="Pattern"/>.</summary>
    public FixedShapePattern? FixedPattern { get; init; }

    public StringSet? Enum { get; init; }

    /// <summary>The allowed values in the schema's order, for messages.</summary>
    public IReadOnlyList<string> EnumValues { get; init; } = [];

    public double? MinimumNumber { get; init; }

    public double? MaximumNumber { get; init; }

    public long? MinimumTicks { get; init; }

    public long? MaximumTicks { get; init; }

    public string Name => Field.Name;

    public bool IsSensitive => Field.IsSensitive;

    public bool Required { get; init; }

    /// <summary>False for a plain optional string with no constraint and no key role: every cell passes, so it is skipped.</summary>
    public bool HasChecks { get; init; } = true;

    /// <summary>Each fault's problem text, made once (<see cref="CellMessages.Problem"/>): a file of bad rows allocates none per row.</summary>
    internal string?[] Problems { get; } = new string?[System.Enum.GetValues<CellFault>().Length];

    public bool IsMissing(string cell) => _missingValues.Contains(cell);

    public CellFault Check(string cell)
    {
        if (IsMissing(cell))
        {
            return Required ? CellFault.Required : CellFault.Missing;
        }

        if (!TypeCheck.TryRead(cell, out var number, out var ticks))
        {
            return CellFault.Type;
        }

        if (MinLength is { } minLength && cell.Length < minLength)
        {
            return CellFault.MinLength;
        }

        if (MaxLength is { } maxLength && cell.Length > maxLength)
        {
            return CellFault.MaxLength;
        }

        if (Enum is not null && !Enum.Contains(cell))
        {
            return CellFault.Enum;
        }

        if (FixedPattern is not null)
        {
            if (!FixedPattern.IsMatch(cell))
            {
                return CellFault.Pattern;
            }
        }
        else if (Pattern is not null)
        {
            try
            {
                if (!Pattern.IsMatch(cell))
                {
                    return CellFault.Pattern;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return CellFault.PatternTimeout;
            }
        }

        return CheckBounds(number, ticks);
    }

    private CellFault CheckBounds(double number, long ticks)
    {
        if (number < MinimumNumber || ticks < MinimumTicks)
        {
            return CellFault.Minimum;
        }

        if (number > MaximumNumber || ticks > MaximumTicks)
        {
            return CellFault.Maximum;
        }

        return CellFault.None;
    }
}
