using System.Text.RegularExpressions;
using LinkService.Configuration.Loading;

namespace LinkService.Configuration.Projects.Outputs;

/// <summary>The checks on an <see cref="AggregateTableSpec"/> that need nothing but the table itself.</summary>
internal static partial class AggregateTableRules
{
    public static void Validate(AggregateTableSpec table, ConfigErrors errors, string path)
    {
        if (!NamePattern().IsMatch(table.Name))
        {
            errors.Add($"{path}.name", "must be lower-case letters, digits, '-' or '_', starting with a letter or digit (it names the table's file)");
        }

        if (string.IsNullOrWhiteSpace(table.From))
        {
            errors.Add($"{path}.from", "must name an output file, by its source");
        }

        ValidateColumns(table, errors, path);
        ValidateNumbers(table, errors, path);
    }

    private static void ValidateColumns(AggregateTableSpec table, ConfigErrors errors, string path)
    {
        for (var i = 0; i < table.GroupBy.Count; i++)
        {
            if (table.GroupBy.Take(i).Contains(table.GroupBy[i], StringComparer.Ordinal))
            {
                errors.Add($"{path}.groupBy[{i}]", $"names column '{table.GroupBy[i]}' twice");
            }
        }

        var statistic = ConfigJson.EnumName(table.Statistic);
        if (table.IsMagnitude && table.Column is null)
        {
            errors.Add($"{path}.column", $"statistic '{statistic}' needs the content column it is taken of");
        }
        else if (!table.IsMagnitude && table.Column is not null)
        {
            errors.Add($"{path}.column", $"statistic '{statistic}' counts rows and takes no column; use 'sum' or 'mean' for a column's magnitude");
        }
        else if (table.Column is not null && table.GroupBy.Contains(table.Column, StringComparer.Ordinal))
        {
            errors.Add($"{path}.column", $"'{table.Column}' is also a groupBy column; a cell's magnitude must come from another column");
        }
    }

    private static void ValidateNumbers(AggregateTableSpec table, ConfigErrors errors, string path)
    {
        if (table.Threshold < 1)
        {
            errors.Add($"{path}.threshold", $"must be at least 1 person (usually {AggregateTableSpec.DefaultThreshold}), not {table.Threshold}");
        }

        if (table.Round is < 2)
        {
            errors.Add($"{path}.round", $"is the base values are rounded to (usually 5) and must be at least 2, not {table.Round}");
        }

        if (table.DominanceContributors is < 1 or > 10)
        {
            errors.Add($"{path}.dominanceContributors", $"must be from 1 to 10 (usually {AggregateTableSpec.DefaultDominanceContributors}), not {table.DominanceContributors}");
        }

        if (table.DominancePercent is <= 0 or > 100)
        {
            errors.Add($"{path}.dominancePercent", $"must be more than 0 and at most 100 (usually {AggregateTableSpec.DefaultDominancePercent}), not {table.DominancePercent}");
        }

        if (table.PRatioPercent is < 0 or > 100)
        {
            errors.Add($"{path}.pRatioPercent", $"must be from 0 to 100 (usually {AggregateTableSpec.DefaultPRatioPercent}), not {table.PRatioPercent}");
        }
    }

    // The same rule as configuration file names: the name becomes a file name in the analyst's output.
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
