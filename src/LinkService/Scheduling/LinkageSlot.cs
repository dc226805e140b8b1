namespace LinkService.Scheduling;

/// <summary>
/// One linkage at a time in this process (each keeps both cores busy), now that the scheduler has threads for other
/// jobs too (intake's sweep): a project's fire waits here for another project's run to end.
/// </summary>
internal sealed class LinkageSlot : IDisposable
{
    private readonly SemaphoreSlim _slot = new(1, 1);

    public async Task<IDisposable> TakeAsync(CancellationToken cancellationToken)
    {
        await _slot.WaitAsync(cancellationToken);
        return new Release(_slot);
    }

    public void Dispose() => _slot.Dispose();

    private sealed class Release(SemaphoreSlim slot) : IDisposable
    {
        public void Dispose() => slot.Release();
    }
}
