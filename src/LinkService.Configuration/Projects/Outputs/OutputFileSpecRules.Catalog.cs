using LinkService.Configuration.Loading;
using LinkService.Configuration.Schemas;

namespace LinkService.Configuration.Projects.Outputs;

/// <summary>The checks on an <see cref="OutputFileSpec"/> against its source's schema: above all, no key or raw identifier leaves.</summary>
internal static partial class OutputFileSpecRules
{
    /// <summary>
    /// The transforms that coarsen a value enough for an identifier to feed them: a date of birth may leave as a year
    /// or an age band, a postcode as its district or sector. An identifier is never kept, top-coded or mapped (a
    /// mapping could list every value), and the record key never leaves at all.
    /// </summary>
    private static readonly ColumnTransform[] Generalising =
        [ColumnTransform.YearOfBirth, ColumnTransform.AgeBand, ColumnTransform.PostcodeDistrict, ColumnTransform.PostcodeSector, ColumnTransform.Year];

    private static readonly ColumnTransform[] DateTransforms =
        [ColumnTransform.YearOfBirth, ColumnTransform.AgeBand, ColumnTransform.Month, ColumnTransform.Year];

    public static void ValidateAgainst(OutputFileSpec spec, ConfigCatalog catalog, ConfigErrors errors, string path)
    {
        var project = catalog.Projects.Values.FirstOrDefault(p => p.Outputs?.Files.Any(f => ReferenceEquals(f, spec)) == true);
        if (project is null)
        {
            return;
        }

        if (!project.Sources.Contains(spec.Source, StringComparer.Ordinal))
        {
            errors.Add($"{path}.source", $"'{spec.Source}' is not one of the project's sources ({string.Join(", ", project.Sources)}){NearestName.Hint(spec.Source, project.Sources)}");
            return;
        }

        if (!catalog.Sources.TryGetValue(spec.Source, out var source) || source.ResolvedSchema is not { } schema)
        {
            return;
        }

        var fields = schema.Fields.Select(f => f.Name).ToList();
        for (var i = 0; i < spec.Columns.Count; i++)
        {
            var column = spec.Columns[i];
            var columnPath = $"{path}.columns[{i}]";
            if (schema.FindField(column.Column) is not { } field)
            {
                errors.Add($"{columnPath}.column", $"'{column.Column}' is not a field of source '{spec.Source}' (schema '{schema.Name}'){NearestName.Hint(column.Column, fields)}");
                continue;
            }

            CheckRole(column, field, spec.Source, schema, errors, $"{columnPath}.column");
            CheckType(column, field, errors, columnPath);
            if (column.AtColumn is { } at)
            {
                CheckAtColumn(at, spec.Source, schema, fields, errors, $"{columnPath}.atColumn");
            }
        }
    }

    private static void CheckRole(OutputColumnSpec column, SchemaField field, string source, TableSchema schema, ConfigErrors errors, string path)
    {
        var transform = ConfigJson.EnumName(column.Transform);
        if (field.Role == LinkageRole.Key)
        {
            errors.Add(path, $"'{field.Name}' is the record key of source '{source}' (schema '{schema.Name}', linkage role 'key'): a key can never be chosen for an output; the record pseudonym stands in for it");
        }
        else if (field.Role == LinkageRole.Identifier && !Generalising.Contains(column.Transform))
        {
            errors.Add(path, $"'{field.Name}' is an identifier of source '{source}' (schema '{schema.Name}', linkage role 'identifier'): an identifier can never be chosen with '{transform}'; only generalised, by {string.Join(", ", Generalising.Select(t => $"'{ConfigJson.EnumName(t)}'"))}");
        }
    }

    private static void CheckType(OutputColumnSpec column, SchemaField field, ConfigErrors errors, string path)
    {
        var transform = ConfigJson.EnumName(column.Transform);
        var type = ConfigJson.EnumName(field.Type);
        if (DateTransforms.Contains(column.Transform) && field.Type is not (FieldType.Date or FieldType.Datetime))
        {
            errors.Add($"{path}.transform", $"'{transform}' needs a date field; '{field.Name}' is of type '{type}'");
        }
        else if (column.Transform == ColumnTransform.TopCode && field.Type is not (FieldType.Integer or FieldType.Number))
        {
            errors.Add($"{path}.transform", $"'top-code' needs a number field; '{field.Name}' is of type '{type}'");
        }
        else if (column.Transform is ColumnTransform.PostcodeDistrict or ColumnTransform.PostcodeSector && field.Type != FieldType.String)
        {
            errors.Add($"{path}.transform", $"'{transform}' needs a text field holding postcodes; '{field.Name}' is of type '{type}'");
        }
    }

    private static void CheckAtColumn(string at, string source, TableSchema schema, List<string> fields, ConfigErrors errors, string path)
    {
        if (schema.FindField(at) is not { } field)
        {
            errors.Add(path, $"'{at}' is not a field of source '{source}' (schema '{schema.Name}'){NearestName.Hint(at, fields)}");
        }
        else if (field.Type is not (FieldType.Date or FieldType.Datetime))
        {
            errors.Add(path, $"'{at}' must be a date field to take ages at; it is of type '{ConfigJson.EnumName(field.Type)}'");
        }
    }
}
