using System.Collections.Frozen;
using System.Text.RegularExpressions;
using LinkService.Configuration.Schemas;

namespace LinkService.Validation.Cells;

/// <summary>
/// One schema field compiled for the hot loop: missing values, the type check and each constraint,
/// with no allocation for a valid cell. Build with <see cref="FieldRuleFactory"/>.
/// </summary>
internal sealed class FieldRule
{
    private readonly FrozenSet<string> _missingValues = FrozenSet<string>.Empty;

    // One bit per length of a missing value (bit 63: 63 or longer), so most cells skip the set lookup.
    private readonly ulong _missingLengths;

    public required SchemaField Field { get; init; }

    public required FrozenSet<string> MissingValues
    {
        get => _missingValues;
        init
        {
            _missingValues = value;
            foreach (var missing in value)
            {
                _missingLengths |= missing.Length < 64 ? 1UL << missing.Length : 1UL << 63;
            }
        }
    }

    public required CellTypeCheck TypeCheck { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public Regex? Pattern { get; init; }

    /// <summary>The allowed values, frozen for fast lookup (FrozenSet beats HashSet on a handful of short strings).</summary>
    public FrozenSet<string>? Enum { get; init; }

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

    public bool IsMissing(string cell) =>
        (_missingLengths & (1UL << Math.Min(cell.Length, 63))) != 0 && _missingValues.Contains(cell);

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

        if (Pattern is not null)
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
