namespace LinkService.Intake.Scanning.Writers;

/// <summary>
/// On Windows a file the SFTP server still holds cannot be opened without sharing: trying tells, at any time,
/// whether a writer is still there, so nothing is unknown even after a restart.
/// </summary>
internal sealed class ExclusiveOpenWriters : IWriterSignal
{
    private const int SharingViolation = unchecked((int)0x80070020);
    private const int LockViolation = unchecked((int)0x80070021);

    public void Watch(string folder)
    {
    }

    public WriterState StateOf(string folder, string name)
    {
        try
        {
            using var exclusive = new FileStream(Path.Combine(folder, name), FileMode.Open, FileAccess.Read, FileShare.None, 1);
            return WriterState.Closed;
        }
        catch (IOException exception) when (exception.HResult is SharingViolation or LockViolation)
        {
            return WriterState.Open;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return WriterState.Unknown;
        }
    }

    public IReadOnlyList<string> TakeWrittenAfterRemoval(string folder) => [];

    public void OnClosed(Action<string> closed)
    {
    }

    public void Dispose()
    {
    }
}
