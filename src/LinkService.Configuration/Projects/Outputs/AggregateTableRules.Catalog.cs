using LinkService.Configuration.Loading;
using LinkService.Configuration.Schemas;

namespace LinkService.Configuration.Projects.Outputs;

/// <summary>The checks on an <see cref="AggregateTableSpec"/> against its source's schema.</summary>
internal static partial class AggregateTableRules
{
    public static void ValidateAgainst(AggregateTableSpec table, ConfigCatalog catalog, ConfigErrors errors, string path)
    {
        var outputs = catalog.Projects.Values.Select(p => p.Outputs).FirstOrDefault(o => o?.Tables.Any(t => ReferenceEquals(t, table)) == true);
        if (table.Column is not { } name || outputs is null || table.FindFile(outputs.Files) is not { } file
            || file.Columns.FirstOrDefault(c => c.OutputName == name) is not { } column
            || !catalog.Sources.TryGetValue(file.Source, out var source) || source.ResolvedSchema?.FindField(column.Column) is not { } field)
        {
            // Nothing to check against: the file, column or field is missing, which their own checks report.
            return;
        }

        // Only a number field kept as it is or top-coded stays a number in the output; any other transform makes text.
        if (field.Type is not (FieldType.Integer or FieldType.Number) || column.Transform is not (ColumnTransform.Keep or ColumnTransform.TopCode))
        {
            errors.Add($"{path}.column", $"'{name}' is not a number in '{file.OutputFileName}' (field '{field.Name}' of type '{ConfigJson.EnumName(field.Type)}', transform '{ConfigJson.EnumName(column.Transform)}'); statistic '{ConfigJson.EnumName(table.Statistic)}' needs a number field kept or top-coded");
        }
    }
}
