using LinkService.Outputs.Packaging;
using LinkService.Outputs.Tests.Support;

namespace LinkService.Outputs.Tests.Packaging;

public sealed class DictionaryWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Dictionary_Markdown_NamesEveryFileOfTheOutput()
    {
        var output = await Packaged.WriteAsync(_temp, RunFolder.Write(_temp.Combine("run")), Packaged.Clock());

        var markdown = output.Read(OutputFiles.DictionaryMarkdown);
        foreach (var file in Directory.EnumerateFiles(output.Folder).Select(Path.GetFileName))
        {
            Assert.Contains($"| {file} |", markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Dictionary_Csv_HasEveryColumnOfEveryTableWithTypeMeaningAndTransform()
    {
        var output = await Packaged.WriteAsync(_temp, RunFolder.Write(_temp.Combine("run")), Packaged.Clock());

        var rows = output.Read(OutputFiles.DictionaryCsv).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("file,column,type,description,transform", rows[0]);
        Assert.Contains("justice.csv,release_year,year,Year of release.,date to year", rows);
        Assert.Contains("claims_by_year.csv,people,integer,\"People, rounded to base 5.\",", rows);
        var columns = output.Anonymised.Files.Concat(output.Report.Tables).Sum(t => t.Columns.Count) + 5;
        Assert.Equal(columns, rows.Length - 1);
    }

    [Fact]
    public async Task Dictionary_Markdown_ShowsWhatKAnonymityDid()
    {
        var output = await Packaged.WriteAsync(_temp, RunFolder.Write(_temp.Combine("run")), Packaged.Clock());

        Assert.Contains("k-anonymity: k = 5 over release_year; 1 classes were smaller than k, 3 rows had their quasi-identifiers suppressed, 0 rows were dropped", output.Read(OutputFiles.DictionaryMarkdown), StringComparison.Ordinal);
    }
}
