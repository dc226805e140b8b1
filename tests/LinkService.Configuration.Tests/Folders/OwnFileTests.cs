using LinkService.Configuration.Folders;

namespace LinkService.Configuration.Tests.Folders;

public sealed class OwnFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Create_SymbolicLinkPlantedWhereTheFileGoes_IsReplacedNotWrittenThrough()
    {
        var elsewhere = _dir.Combine("ledger.db");
        File.WriteAllText(elsewhere, "not the run's");
        var path = _dir.Combine("model.json");
        File.CreateSymbolicLink(path, elsewhere);

        using (var file = OwnFile.Create(path))
        {
            file.Write("{}"u8);
        }

        Assert.Equal("not the run's", File.ReadAllText(elsewhere));
        Assert.Null(new FileInfo(path).LinkTarget);
        Assert.Equal("{}", File.ReadAllText(path));
    }

    [Fact]
    public void Create_FileThereAlready_IsReplacedWhole()
    {
        var path = _dir.Combine("quality.json");
        File.WriteAllText(path, "an older, longer file");

        using (var file = OwnFile.Create(path))
        {
            file.Write("{}"u8);
        }

        Assert.Equal("{}", File.ReadAllText(path));
    }
}
