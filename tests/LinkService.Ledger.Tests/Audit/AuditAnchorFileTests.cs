using LinkService.Ledger.Audit;

namespace LinkService.Ledger.Tests.Audit;

public sealed class AuditAnchorFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string FilePath => Path.Combine(_directory.Path, "ledger.anchor");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Read_Missing_HasNoHeadAndNoProblem()
    {
        Assert.Equal(new AnchorReading(null, null), new AuditAnchorFile(FilePath).Read());
    }

    [Fact]
    public void Append_LinesOutOfOrderFromTwoProcesses_ReadsTheHighestHead()
    {
        var anchor = new AuditAnchorFile(FilePath);
        anchor.Append(1, new string('a', 64));
        anchor.Append(3, new string('c', 64));
        anchor.Append(2, new string('b', 64));

        Assert.Equal(new AnchoredHead(3, new string('c', 64)), anchor.Read().Highest);
    }

    [Fact]
    public void Append_NewFile_IsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // The work folder's ACL applies.
        }

        new AuditAnchorFile(FilePath).Append(1, new string('a', 64));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(FilePath));
    }

    [Fact]
    public void Read_AGarbledLine_ReportsTheFileItself()
    {
        File.WriteAllText(FilePath, $"1 {new string('a', 64)}\nnot a head\n");

        var reading = new AuditAnchorFile(FilePath).Read();

        Assert.Null(reading.Highest);
        Assert.Equal($"line 2 of the anchor file {FilePath} is not a sequence and a MAC", reading.Problem);
    }
}
