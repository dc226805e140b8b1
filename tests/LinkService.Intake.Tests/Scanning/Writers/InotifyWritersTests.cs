using System.Collections.Concurrent;
using LinkService.Intake.Scanning.Writers;
using LinkService.Intake.Tests.Support;

namespace LinkService.Intake.Tests.Scanning.Writers;

/// <summary>The kernel's own reports on a real folder: files held open, closed, renamed, there before the watch.</summary>
public sealed class InotifyWritersTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly IWriterSignal _writers;

    public InotifyWritersTests()
    {
        _writers = WriterSignals.ForThisSystem();
        Assert.IsNotType<NoWriterSignal>(_writers);
    }

    public void Dispose()
    {
        _writers?.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void StateOf_FileHeldOpenByItsWriter_IsOpenUntilClosedThenClosed()
    {
        _writers.Watch(_folder.Path);
        var path = Path.Combine(_folder.Path, "a.csv");
        using (var writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite))
        {
            writer.Write("id\n1\n"u8);
            writer.Flush();
            Assert.Equal(WriterState.Open, _writers.StateOf(_folder.Path, "a.csv"));

            // The service's own reading does not end the writer's hold.
            File.ReadAllBytes(path);
            Assert.Equal(WriterState.Open, _writers.StateOf(_folder.Path, "a.csv"));
        }

        Assert.Equal(WriterState.Closed, _writers.StateOf(_folder.Path, "a.csv"));
    }

    [Fact]
    public void StateOf_WriterClosesWhileAReaderHoldsTheFile_ClosedOnceTheReaderCloses()
    {
        _writers.Watch(_folder.Path);
        var path = Path.Combine(_folder.Path, "a.csv");
        var writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite);
        writer.Write("id\n1\n"u8);
        writer.Flush();

        // A reader (the service copying it, a backup agent) holds the file while its uploader closes it.
        using (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            writer.Dispose();
        }

        Assert.Equal(WriterState.Closed, _writers.StateOf(_folder.Path, "a.csv"));
    }

    [Fact]
    public void StateOf_FileThereBeforeTheWatch_IsUnknownUntilAWriterClosesIt()
    {
        var path = Path.Combine(_folder.Path, "old.csv");
        File.WriteAllText(path, "id\n");
        _writers.Watch(_folder.Path);
        Assert.Equal(WriterState.Unknown, _writers.StateOf(_folder.Path, "old.csv"));

        File.AppendAllText(path, "1\n");

        Assert.Equal(WriterState.Closed, _writers.StateOf(_folder.Path, "old.csv"));
    }

    [Fact]
    public void StateOf_UploadedUnderATemporaryNameThenRenamed_IsClosedUnderItsName()
    {
        _writers.Watch(_folder.Path);
        File.WriteAllText(Path.Combine(_folder.Path, "a.csv.filepart"), "id\n1\n");
        File.Move(Path.Combine(_folder.Path, "a.csv.filepart"), Path.Combine(_folder.Path, "a.csv"));

        Assert.Equal(WriterState.Closed, _writers.StateOf(_folder.Path, "a.csv"));
    }

    [Fact]
    public void StateOf_NameWithALineEnd_IsReportedUnderItsEscapedName()
    {
        _writers.Watch(_folder.Path);
        using var writer = new FileStream(Path.Combine(_folder.Path, "a.csv\n"), FileMode.CreateNew, FileAccess.Write);

        Assert.Equal(WriterState.Open, _writers.StateOf(_folder.Path, "a.csv\\n"));
    }

    [Fact]
    public void Watch_FolderRemovedAndMadeAgain_FollowsTheNewFolder()
    {
        var folder = Path.Combine(_folder.Path, "drop");
        Directory.CreateDirectory(folder);
        _writers.Watch(folder);
        Directory.Delete(folder);
        Directory.CreateDirectory(folder);
        _writers.StateOf(folder, "a.csv");

        _writers.Watch(folder);
        using var writer = new FileStream(Path.Combine(folder, "a.csv"), FileMode.CreateNew, FileAccess.Write);

        Assert.Equal(WriterState.Open, _writers.StateOf(folder, "a.csv"));
    }

    [Fact]
    public async Task OnClosed_WriterClosesAFile_IsCalledWithTheFolder()
    {
        var closed = new ConcurrentQueue<string>();
        _writers.Watch(_folder.Path);
        _writers.OnClosed(closed.Enqueue);

        File.WriteAllText(Path.Combine(_folder.Path, "a.csv"), "id\n");

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(closed.Contains(_folder.Path)), TimeSpan.FromSeconds(10)));
    }
}
