using System.Text;
using LinkService.Linkage.Running;

namespace LinkService.Linkage.Tests.Running;

public sealed class CsvChunksTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Write_RowsOverManyRunsOnEveryCore_AreTheBytesOneWriterWrites()
    {
        // Enough rows for several windows of runs, with quoted cells and characters of several bytes.
        const int Rows = 300_001;
        static string Cell(int i) => i % 7 == 0 ? $"a,{i}" : i % 11 == 0 ? $"Zoë \ud83d\ude00 {i}" : $"K{i}";
        var path = _dir.Combine("chunks.csv");

        var written = CsvChunks.Write(path, "key,n\n", Rows, (i, lines) =>
        {
            lines.AppendField(Cell(i));
            lines.Append(',');
            lines.Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            lines.Append('\n');
        }, TestContext.Current.CancellationToken);

        var expected = new StringBuilder("key,n\n");
        for (var i = 0; i < Rows; i++)
        {
            expected.Append(CsvText.Field(Cell(i))).Append(',').Append(i).Append('\n');
        }

        Assert.Equal(new UTF8Encoding(false).GetBytes(expected.ToString()), File.ReadAllBytes(path));
        Assert.Equal(new FileInfo(path).Length, written.Bytes);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)), written.Sha256);
    }

    [Fact]
    public void Write_SymbolicLinkPlantedWhereTheFileGoes_IsReplacedNotWrittenThrough()
    {
        var elsewhere = _dir.Combine("elsewhere.txt");
        File.WriteAllText(elsewhere, "not the service's");
        var path = _dir.Combine("persons.csv.partial");
        File.CreateSymbolicLink(path, elsewhere);

        CsvChunks.Write(path, "key\n", 2, (i, lines) => lines.Append(i == 0 ? "a\n" : "b\n"), TestContext.Current.CancellationToken);

        Assert.Equal("not the service's", File.ReadAllText(elsewhere));
        Assert.Null(new FileInfo(path).LinkTarget);
        Assert.Equal("key\na\nb\n", File.ReadAllText(path));
    }

    [Fact]
    public void Write_Cancelled_ThrowsAndLeavesNothingWritingTheFile()
    {
        using var cancel = new CancellationTokenSource();
        var path = _dir.Combine("cancelled.csv");

        Assert.ThrowsAny<OperationCanceledException>(() => CsvChunks.Write(path, "n\n", 1_000_000, (i, lines) =>
        {
            if (i == 500_000)
            {
                cancel.Cancel();
            }

            lines.Append('x');
            lines.Append('\n');
        }, cancel.Token));

        // Closed: it can be removed at once.
        File.Delete(path);
    }
}
