namespace LinkService.Intake.Scanning.Writers;

/// <summary>
/// Tells whether an upload's writer still holds a drop file: the kernel's word (inotify on Linux, an exclusive
/// open on Windows), not the file's size and time, which stand still while a slow upload stalls.
/// </summary>
internal interface IWriterSignal : IDisposable
{
    /// <summary>Follows writers in <paramref name="folder"/> from now on; files already there stay unknown. Safe to repeat.</summary>
    void Watch(string folder);

    /// <summary>What is known of the writers of <paramref name="name"/> (as the scan names it) in <paramref name="folder"/>, as of now.</summary>
    WriterState StateOf(string folder, string name);

    /// <summary>
    /// Names in <paramref name="folder"/> whose file was written to after it was removed (a writer kept a handle on a
    /// file intake took and deleted) since the last call: bytes that no delivery holds.
    /// </summary>
    IReadOnlyList<string> TakeWrittenAfterRemoval(string folder);

    /// <summary>Calls <paramref name="closed"/> with the folder whenever a writer there closes a file, so that intake looks sooner.</summary>
    void OnClosed(Action<string> closed);
}
