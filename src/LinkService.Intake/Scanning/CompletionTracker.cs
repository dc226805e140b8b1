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

    /// <summary>When the file will have been unchanged for <paramref name="quietPeriod"/>: now or earlier means it is complete (unless it is <see cref="Held"/>).</summary>
    public DateTimeOffset QuietAt(DropEntry entry, TimeSpan quietPeriod) => Observe(entry).UnchangedSince + quietPeriod;

    /// <summary>Since when intake has seen the file, whatever it did since.</summary>
    public DateTimeOffset FirstSeen(DropEntry entry) => Observe(entry).FirstSeen;

    /// <summary>
    /// What a held file (<see cref="Hold"/>) waits for, and since when it is held; null if it is not held, or changed
    /// since. Unchanged for long enough, it is given up on: taken once more, and refused if still cut off, rather than
    /// left to wait in silence for ever.
    /// </summary>
    public (string WaitsFor, DateTimeOffset Since)? Held(DropEntry entry) => Observe(entry) is { HeldFor: { } waitsFor } seen ? (waitsFor, seen.HeldAt) : null;

    /// <summary>
    /// The file was found still arriving when taken (<paramref name="waitsFor"/> says how): it is not taken again until
    /// its size or time changes, or it is given up on (<see cref="Held"/>).
    /// </summary>
    public void Hold(DropEntry entry, string waitsFor) =>
        _observations[entry.Path] = Observe(entry) with { HeldAt = _timeProvider.GetUtcNow(), HeldFor = waitsFor };

    private Observation Observe(DropEntry entry)
    {
        var now = _timeProvider.GetUtcNow();
        if (!_observations.TryGetValue(entry.Path, out var seen))
        {
            seen = new Observation(entry.Length, entry.LastWriteUtc, now, now);
        }
        else if (seen.Length != entry.Length || seen.LastWriteUtc != entry.LastWriteUtc)
        {
            seen = new Observation(entry.Length, entry.LastWriteUtc, now, seen.FirstSeen);
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

    /// <summary>A file as last seen; <see cref="HeldFor"/> set while it is held, since <see cref="HeldAt"/>.</summary>
    private sealed record Observation(long Length, DateTimeOffset LastWriteUtc, DateTimeOffset UnchangedSince, DateTimeOffset FirstSeen)
    {
        public string? HeldFor { get; init; }

        public DateTimeOffset HeldAt { get; init; }
    }
}
