namespace LinkService.Intake.Scanning.Writers;

/// <summary>Picks the writer signal this system can give.</summary>
internal static class WriterSignals
{
    public static IWriterSignal ForThisSystem()
    {
        if (OperatingSystem.IsLinux() && InotifyWriters.TryCreate() is { } inotify)
        {
            return inotify;
        }

        return OperatingSystem.IsWindows() ? new ExclusiveOpenWriters() : new NoWriterSignal();
    }
}

/// <summary>Where nothing tells when a writer is done (a share that cannot be watched): every file waits for the long quiet period.</summary>
internal sealed class NoWriterSignal : IWriterSignal
{
    public void Watch(string folder)
    {
    }

    public WriterState StateOf(string folder, string name) => WriterState.Unknown;

    public IReadOnlyList<string> TakeWrittenAfterRemoval(string folder) => [];

    public void OnClosed(Action<string> closed)
    {
    }

    public void Dispose()
    {
    }
}
