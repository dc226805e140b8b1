using System.Globalization;
using LinkService.Configuration.Loading;

namespace LinkService.Configuration.Projects.Outputs;

/// <summary>The checks on an <see cref="OutputFileSpec"/> on its own: names, and each transform's settings.</summary>
internal static partial class OutputFileSpecRules
{
    public static void Validate(OutputFileSpec spec, ConfigErrors errors, string path)
    {
        if (spec.FileName is { } name && !FileNamePattern().IsMatch(name))
        {
            errors.Add($"{path}.fileName", "must be a plain file name ending in .csv (letters, digits, '-', '_' and '.'; no folders)");
        }

        var names = new HashSet<string>(StringComparer.Ordinal) { OutputFileSpec.PersonColumn, OutputFileSpec.RecordColumn };
        for (var i = 0; i < spec.Columns.Count; i++)
        {
            var column = spec.Columns[i];
            var columnPath = $"{path}.columns[{i}]";
            if (!names.Add(column.OutputName))
            {
                errors.Add(column.As is null ? $"{columnPath}.column" : $"{columnPath}.as", $"the output column '{column.OutputName}' is named twice (give one an 'as')");
            }

            ValidateSettings(column, errors, columnPath);
        }

        if (spec.KAnonymity is { } k)
        {
            if (k.K < 2)
            {
                errors.Add($"{path}.kAnonymity.k", "must be at least 2");
            }

            if (k.QuasiIdentifiers.Count == 0)
            {
                errors.Add($"{path}.kAnonymity.quasiIdentifiers", "needs at least one output column");
            }

            var chosen = spec.Columns.Select(c => c.OutputName).ToList();
            for (var i = 0; i < k.QuasiIdentifiers.Count; i++)
            {
                if (!chosen.Contains(k.QuasiIdentifiers[i], StringComparer.Ordinal))
                {
                    errors.Add($"{path}.kAnonymity.quasiIdentifiers[{i}]", $"'{k.QuasiIdentifiers[i]}' is not one of the file's chosen columns{NearestName.Hint(k.QuasiIdentifiers[i], chosen)}");
                }
            }
        }
    }

    private static void ValidateSettings(OutputColumnSpec column, ConfigErrors errors, string path)
    {
        var transform = column.Transform;
        var name = ConfigJson.EnumName(transform);
        Only(transform == ColumnTransform.AgeBand, column.BandWidth is not null, "bandWidth", "age-band", name, errors, path);
        Only(transform == ColumnTransform.AgeBand, column.AtDate is not null, "atDate", "age-band", name, errors, path);
        Only(transform == ColumnTransform.AgeBand, column.AtColumn is not null, "atColumn", "age-band", name, errors, path);
        Only(transform == ColumnTransform.TopCode, column.Maximum is not null, "maximum", "top-code", name, errors, path);
        Only(transform == ColumnTransform.Category, column.Groups is not null, "groups", "category", name, errors, path);
        Only(transform == ColumnTransform.Category, column.Default is not null, "default", "category", name, errors, path);

        switch (transform)
        {
            case ColumnTransform.AgeBand:
                if (column.BandWidth is not { } width || width < 1)
                {
                    errors.Add($"{path}.bandWidth", "'age-band' needs a band width of at least 1 year");
                }

                if ((column.AtDate is null) == (column.AtColumn is null))
                {
                    errors.Add($"{path}.atDate", "'age-band' needs exactly one of atDate (a fixed yyyy-MM-dd date) or atColumn (a date column)");
                }
                else if (column.AtDate is { } at && !DateOnly.TryParseExact(at, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    errors.Add($"{path}.atDate", "must be a date written yyyy-MM-dd");
                }

                break;
            case ColumnTransform.TopCode when column.Maximum is null:
                errors.Add($"{path}.maximum", "'top-code' needs the largest value to show");
                break;
            case ColumnTransform.Category:
                if (column.Groups is null || column.Groups.Count == 0)
                {
                    errors.Add($"{path}.groups", "'category' needs the groups values map to, e.g. { \"JSA\": \"jobseeker\" }");
                }

                if (column.Default is null)
                {
                    errors.Add($"{path}.default", "'category' needs the group of values not listed");
                }

                break;
        }
    }

    private static void Only(bool applies, bool given, string setting, string owner, string transform, ConfigErrors errors, string path)
    {
        if (given && !applies)
        {
            errors.Add($"{path}.{setting}", $"only '{owner}' takes {setting}, not '{transform}'");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}\.csv$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex FileNamePattern();
}
