namespace LinkService.Linkage.Data;

/// <summary>
/// The workers a loop over records, pairs or rules takes: one a core. Unbounded, the pool adds threads to a loop whose
/// items run long (a blocking rule, a range of pairs), and at 1M × 3M perf counted five and six threads sharing the two
/// cores in a second of blocking: each switch costs the caches, and each worker's own state is memory of its own.
/// </summary>
internal static class Workers
{
    /// <summary>For a loop whose caller has no token to stop it by.</summary>
    public static ParallelOptions Options() => new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    public static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>Two independent results worked out side by side, one on each core.</summary>
    public static (TFirst First, TSecond Second) Both<TFirst, TSecond>(Func<TFirst> first, Func<TSecond> second)
    {
        (TFirst a, TSecond b) = (default!, default!);
        Parallel.Invoke(() => a = first(), () => b = second());
        return (a, b);
    }

    /// <summary>A result worked out while <paramref name="beside"/> runs on the other core.</summary>
    public static T Beside<T>(Func<T> result, Action beside) => Both(result, () => { beside(); return true; }).First;
}
