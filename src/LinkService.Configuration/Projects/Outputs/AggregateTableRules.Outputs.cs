using LinkService.Configuration.Loading;

namespace LinkService.Configuration.Projects.Outputs;

/// <summary>The checks on an <see cref="AggregateTableSpec"/> against the project's other outputs.</summary>
internal static partial class AggregateTableRules
{
    public static void ValidateWithin(AggregateTableSpec table, OutputsSpec outputs, ConfigErrors errors, string path)
    {
        var earlier = outputs.Tables.TakeWhile(t => !ReferenceEquals(t, table));
        if (earlier.Any(t => string.Equals(t.Name, table.Name, StringComparison.Ordinal)))
        {
            errors.Add($"{path}.name", $"'{table.Name}' names an earlier table too");
        }

        if (outputs.Files.Any(f => string.Equals(f.OutputFileName, table.FileName, StringComparison.Ordinal)))
        {
            errors.Add($"{path}.name", $"the table's file '{table.FileName}' is also a de-identified file's name");
        }

        if (table.FindFile(outputs.Files) is not { } file)
        {
            FileNotFound(table, outputs.Files, errors, $"{path}.from");
            return;
        }

        var columns = file.Columns.Select(c => c.OutputName).ToList();
        for (var i = 0; i < table.GroupBy.Count; i++)
        {
            CheckColumn(table.GroupBy[i], file, columns, errors, $"{path}.groupBy[{i}]");
            if (string.Equals(table.GroupBy[i], table.ValueColumn, StringComparison.Ordinal))
            {
                errors.Add($"{path}.groupBy[{i}]", $"'{table.GroupBy[i]}' is the name of the table's value column; rename the file's column with 'as'");
            }
        }

        if (table.Column is { } column)
        {
            CheckColumn(column, file, columns, errors, $"{path}.column");
        }
    }

    private static void CheckColumn(string name, OutputFileSpec file, List<string> columns, ConfigErrors errors, string path)
    {
        if (name is OutputFileSpec.PersonColumn or OutputFileSpec.RecordColumn)
        {
            errors.Add(path, $"'{name}' is a pseudonym, one value a person or record: a table by it would show single persons");
        }
        else if (!columns.Contains(name, StringComparer.Ordinal))
        {
            errors.Add(path, $"'{name}' is not an output column of '{file.OutputFileName}'{NearestName.Hint(name, columns)}");
        }
    }

    private static void FileNotFound(AggregateTableSpec table, IReadOnlyList<OutputFileSpec> files, ConfigErrors errors, string path)
    {
        var bySource = files.Count(f => string.Equals(f.Source, table.From, StringComparison.Ordinal));
        if (bySource > 1)
        {
            errors.Add(path, $"source '{table.From}' has {bySource} output files; name one by its file name");
            return;
        }

        var known = files.SelectMany(f => new[] { f.Source, f.OutputFileName }).Distinct(StringComparer.Ordinal).ToList();
        var listed = known.Count == 0 ? "the project's outputs have no files" : $"one of: {string.Join(", ", known)}";
        errors.Add(path, $"'{table.From}' is not an output file's source or file name ({listed}){NearestName.Hint(table.From, known)}");
    }
}
