using LinkService.Intake.Scanning.Writers;
using static LinkService.Intake.Scanning.Writers.WriterEvent;

namespace LinkService.Intake.Tests.Scanning.Writers;

public sealed class FolderWritersTests
{
    private readonly FolderWriters _writers = new();

    [Fact]
    public void StateOf_FileNeverSeen_IsUnknown() => Assert.Equal(WriterState.Unknown, _writers.StateOf("a.csv"));

    [Fact]
    public void StateOf_CreatedAndStillOpen_IsOpenHoweverLongNothingHappens()
    {
        _writers.Apply(Create, "a.csv", 0);
        _writers.Apply(Open, "a.csv", 0);
        _writers.Apply(Modify, "a.csv", 0);

        Assert.Equal(WriterState.Open, _writers.StateOf("a.csv"));
    }

    [Fact]
    public void StateOf_CreatedWrittenAndClosed_IsClosed()
    {
        _writers.Apply(Create, "a.csv", 0);
        _writers.Apply(Open, "a.csv", 0);
        _writers.Apply(Modify, "a.csv", 0);

        Assert.True(_writers.Apply(CloseWrite, "a.csv", 0));
        Assert.Equal(WriterState.Closed, _writers.StateOf("a.csv"));
    }

    [Fact]
    public void StateOf_ReaderClosesWhileTheWriterStillHoldsIt_StaysOpen()
    {
        _writers.Apply(Create, "a.csv", 0);
        _writers.Apply(Open, "a.csv", 0);
        _writers.Apply(Open, "a.csv", 0);
        _writers.Apply(CloseNoWrite, "a.csv", 0);

        Assert.Equal(WriterState.Open, _writers.StateOf("a.csv"));
    }

    [Fact]
    public void StateOf_WriterClosesBeforeAReader_ClosedOnceTheReaderCloses()
    {
        _writers.Apply(Create, "a.csv", 0);
        _writers.Apply(Open, "a.csv", 0);
        _writers.Apply(Modify, "a.csv", 0);
        _writers.Apply(Open, "a.csv", 0);
        _writers.Apply(CloseWrite, "a.csv", 0);
        Assert.Equal(WriterState.Open, _writers.StateOf("a.csv"));

        _writers.Apply(CloseNoWrite, "a.csv", 0);

        Assert.Equal(WriterState.Closed, _writers.StateOf("a.csv"));
    }

    [Fact]
    public void StateOf_FileFromBeforeTheWatchWrittenThenClosed_BecomesClosed()
    {
        _writers.Apply(Modify, "old.csv", 0);
        Assert.Equal(WriterState.Open, _writers.StateOf("old.csv"));

        _writers.Apply(CloseWrite, "old.csv", 0);
        Assert.Equal(WriterState.Closed, _writers.StateOf("old.csv"));
    }

    [Fact]
    public void StateOf_FileFromBeforeTheWatchOnlyRead_StaysUnknown()
    {
        _writers.Apply(Open, "old.csv", 0);
        _writers.Apply(CloseNoWrite, "old.csv", 0);

        Assert.Equal(WriterState.Unknown, _writers.StateOf("old.csv"));
    }

    [Fact]
    public void StateOf_RenamedWithinTheFolder_KeepsWhatWasKnown()
    {
        _writers.Apply(Create, "a.csv.part", 0);
        _writers.Apply(Open, "a.csv.part", 0);
        _writers.Apply(CloseWrite, "a.csv.part", 0);
        _writers.Apply(MovedFrom, "a.csv.part", 7);
        _writers.Apply(MovedTo, "a.csv", 7);

        Assert.Equal(WriterState.Closed, _writers.StateOf("a.csv"));
        Assert.Equal(WriterState.Unknown, _writers.StateOf("a.csv.part"));
    }

    [Fact]
    public void StateOf_RenamedWhileStillOpen_StaysOpenUnderTheNewName()
    {
        _writers.Apply(Create, "a.csv.part", 0);
        _writers.Apply(Open, "a.csv.part", 0);
        _writers.Apply(MovedFrom, "a.csv.part", 7);
        _writers.Apply(MovedTo, "a.csv", 7);

        Assert.Equal(WriterState.Open, _writers.StateOf("a.csv"));
    }

    [Fact]
    public void StateOf_MovedInFromOutsideTheFolder_IsUnknown()
    {
        _writers.Apply(MovedTo, "a.csv", 9);

        Assert.Equal(WriterState.Unknown, _writers.StateOf("a.csv"));
    }

    [Fact]
    public void StateOf_DeletedThenCreatedAgain_IsTheNewFilesState()
    {
        _writers.Apply(Create, "a.csv", 0);
        _writers.Apply(Open, "a.csv", 0);
        _writers.Apply(Delete, "a.csv", 0);
        _writers.Apply(Create, "a.csv", 0);
        _writers.Apply(Open, "a.csv", 0);
        _writers.Apply(CloseWrite, "a.csv", 0);

        Assert.Equal(WriterState.Closed, _writers.StateOf("a.csv"));
    }

    [Fact]
    public void TakeWrittenAfterRemoval_WriterGoesOnAfterTheFileWasDeleted_NamedOnce()
    {
        _writers.Apply(Delete, "a.csv", 0);
        _writers.Apply(Modify, "a.csv", 0);
        _writers.Apply(Modify, "a.csv", 0);
        _writers.Apply(CloseWrite, "a.csv", 0);

        Assert.Equal(["a.csv"], _writers.TakeWrittenAfterRemoval());
        Assert.Empty(_writers.TakeWrittenAfterRemoval());
        Assert.Equal(WriterState.Unknown, _writers.StateOf("a.csv"));
    }

    [Fact]
    public void TakeWrittenAfterRemoval_NameCreatedAgainAndWritten_IsANewFileNotALoss()
    {
        _writers.Apply(Delete, "a.csv", 0);
        _writers.Apply(Create, "a.csv", 0);
        _writers.Apply(Open, "a.csv", 0);
        _writers.Apply(Modify, "a.csv", 0);

        Assert.Empty(_writers.TakeWrittenAfterRemoval());
        Assert.Equal(WriterState.Open, _writers.StateOf("a.csv"));
    }

    [Fact]
    public void Forget_AfterAnOverflow_EveryFileIsUnknown()
    {
        _writers.Apply(Create, "a.csv", 0);
        _writers.Apply(Open, "a.csv", 0);

        _writers.Forget();

        Assert.Equal(WriterState.Unknown, _writers.StateOf("a.csv"));
    }

    [Fact]
    public void Apply_EventOnASubFolder_IsIgnored()
    {
        _writers.Apply(Create | IsDirectory, "sub", 0);

        Assert.Equal(WriterState.Unknown, _writers.StateOf("sub"));
    }
}
