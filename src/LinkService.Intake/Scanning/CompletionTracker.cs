namespace LinkService.Intake.Scanning;

/// <summary>
/// Remembers each drop file's size and modification time and since when they have not changed, so that a
/// file is taken only after a quiet period: an upload in progress keeps changing one or the other.
/// </summary>
internal sealed class CompletionTracker
{
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, Observation> _observations = new(StringComparer.Ordinal);

    public CompletionTracker(TimeProvider timeProvider) => _timeProvider = timeProvider;

    /// <summary>
    /// When the file will have been unchanged for <paramref name="quietPeriod"/>: now or earlier means it is complete;
    /// never, while it is held (<see cref="Hold"/>) and unchanged.
    /// </summary>
    public DateTimeOffset QuietAt(DropEntry entry, TimeSpan quietPeriod)
    {
        var seen = Observe(entry);
        return seen.Held ? DateTimeOffset.MaxValue : seen.UnchangedSince + quietPeriod;
    }

    /// <summary>Since when intake has seen the file, whatever it did since.</summary>
    public DateTimeOffset FirstSeen(DropEntry entry) => Observe(entry).FirstSeen;

    /// <summary>
    /// When a held file, unchanged, is no longer waited for: <paramref name="wait"/> after it was held. A file whose last
    /// record stays cut off is then taken once more, to be refused with a receipt rather than wait in silence for ever.
    /// Null if the file is not held (or changed since).
    /// </summary>
    public DateTimeOffset? GivenUpAt(DropEntry entry, TimeSpan wait) => Observe(entry) is { Held: true } seen ? seen.HeldAt + wait : null;

    /// <summary>Whether the file is held (<see cref="Hold"/>) and unchanged since: taken now, it is being given up on.</summary>
    public bool IsHeld(DropEntry entry) => Observe(entry).Held;

    /// <summary>What a held file was found to wait for when it was taken (<see cref="Hold"/>); null if it is not held.</summary>
    public string? HeldFor(DropEntry entry) => Observe(entry) is { Held: true } seen ? seen.HeldFor : null;

    /// <summary>
    /// The file was found still arriving when taken (<paramref name="waitsFor"/> says how): it is not taken again until
    /// its size or time changes, or it is given up on (<see cref="GivenUpAt"/>).
    /// </summary>
    public void Hold(DropEntry entry, string waitsFor) =>
        _observations[entry.Path] = Observe(entry) with { Held = true, HeldAt = _timeProvider.GetUtcNow(), HeldFor = waitsFor };

    private Observation Observe(DropEntry entry)
    {
        var now = _timeProvider.GetUtcNow();
        if (!_observations.TryGetValue(entry.Path, out var seen))
        {
            seen = new Observation(entry.Length, entry.LastWriteUtc, now, now, Held: false);
        }
        else if (seen.Length != entry.Length || seen.LastWriteUtc != entry.LastWriteUtc)
        {
            seen = new Observation(entry.Length, entry.LastWriteUtc, now, seen.FirstSeen, Held: false);
        }

        _observations[entry.Path] = seen;
        return seen;
    }

    public void Forget(string path) => _observations.Remove(path);

    /// <summary>Drops what is remembered about files of <paramref name="folder"/> that the last scan no longer saw.</summary>
    public void KeepOnly(string folder, IEnumerable<string> seenPaths)
    {
        var seen = seenPaths.ToHashSet(StringComparer.Ordinal);
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        foreach (var path in _observations.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && !seen.Contains(p)).ToList())
        {
            _observations.Remove(path);
        }
    }

    private sealed record Observation(long Length, DateTimeOffset LastWriteUtc, DateTimeOffset UnchangedSince, DateTimeOffset FirstSeen, bool Held)
    {
        public DateTimeOffset HeldAt { get; init; }

        public string? HeldFor { get; init; }
    }
}
