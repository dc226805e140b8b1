using System.Globalization;
using System.Text;

namespace LinkService.Outputs.Packaging;

/// <summary>
/// Writes the data dictionary twice: <c>data-dictionary.md</c> for a person (every file, then every table's columns
/// with type, meaning and transform) and <c>data-dictionary.csv</c> for a program (one row per column).
/// </summary>
internal static class DictionaryWriter
{
    public static async Task WriteAsync(string outputFolder, PackageHeading heading, IReadOnlyList<PackagedFile> files, CancellationToken cancellationToken)
    {
        await OutputText.WriteAsync(Path.Combine(outputFolder, OutputFiles.DictionaryMarkdown), Markdown(heading, files), cancellationToken);
        await OutputText.WriteAsync(Path.Combine(outputFolder, OutputFiles.DictionaryCsv), Csv(files), cancellationToken);
    }

    private static string Markdown(PackageHeading heading, IReadOnlyList<PackagedFile> files)
    {
        var md = new StringBuilder();
        md.Append("# Data dictionary: ").Append(Cell(heading.Title)).Append("\n\n");
        md.Append(Cell(heading.Description)).Append("\n\n");
        md.Append("Written ").Append(heading.Created).Append(". `").Append(OutputFiles.DataPackage)
            .Append("` lists every file below with its size and sha256; check them to know the output is whole.\n\n");
        md.Append("## Files\n\n| File | What it is | Rows |\n| --- | --- | ---: |\n");
        md.Append("| ").Append(OutputFiles.DataPackage).Append(" | ").Append(Cell(DescribedFiles.All[OutputFiles.DataPackage].Description)).Append(" | |\n");
        foreach (var file in files)
        {
            md.Append("| ").Append(Cell(file.Path)).Append(" | ").Append(Cell(file.Title)).Append(": ").Append(Cell(file.Description))
                .Append(" | ").Append(file.Table?.Rows.ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        }

        foreach (var file in files.Where(f => f.Table is not null))
        {
            var table = file.Table!;
            md.Append("\n## ").Append(Cell(file.Path)).Append(": ").Append(Cell(table.Title)).Append("\n\n").Append(Cell(table.Description)).Append("\n\n");
            if (table.KAnonymity is { } k)
            {
                md.Append(CultureInfo.InvariantCulture, $"k-anonymity: k = {k.K} over {Cell(string.Join(", ", k.QuasiIdentifiers))}; {k.ClassesBelowK} classes were smaller than k, {k.RowsSuppressed} rows had their quasi-identifiers suppressed, {k.RowsDropped} rows were dropped; the smallest class now holds {k.SmallestClassAfter} rows.\n\n");
            }

            md.Append("| Column | Type | Meaning | Transform |\n| --- | --- | --- | --- |\n");
            foreach (var column in table.Columns)
            {
                md.Append("| ").Append(Cell(column.Name)).Append(" | ").Append(Cell(column.Type)).Append(" | ").Append(Cell(column.Description))
                    .Append(" | ").Append(Cell(column.Transform ?? "")).Append(" |\n");
            }
        }

        return md.ToString();
    }

    private static string Csv(IReadOnlyList<PackagedFile> files)
    {
        var csv = new StringBuilder(string.Join(',', DictionaryTable.Columns.Select(c => c.Name))).Append('\n');
        foreach (var file in files.Where(f => f.Table is not null))
        {
            foreach (var column in file.Table!.Columns)
            {
                csv.AppendJoin(',', [.. new[] { file.Path, column.Name, column.Type, column.Description, column.Transform ?? "" }.Select(CsvHeader.Field)]).Append('\n');
            }
        }

        return csv.ToString();
    }

    /// <summary>A Markdown table cell: one line, its pipes and angle brackets escaped so text never becomes markup.</summary>
    private static string Cell(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
