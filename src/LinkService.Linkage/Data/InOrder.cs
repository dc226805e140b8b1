namespace LinkService.Linkage.Data;

/// <summary>
/// Computes something of each of a run of ids over both cores, a chunk at a time, and hands the results on in id
/// order on the calling thread (where ids are given out, so they come out the same every run). Only a chunk's
/// results are held at once: they die young, where millions held to the end outlived the young generation and
/// were copied by the garbage collector.
/// </summary>
internal static class InOrder
{
    private const int Chunk = 1 << 16;

    public static void ForEachChunk<T>(int from, int to, Func<int, T> compute, Action<int, T> take, CancellationToken cancellationToken)
    {
        var results = new T[Math.Min(Chunk, Math.Max(0, to - from))];
        var parallel = Workers.Options(cancellationToken);
        for (var start = from; start < to; start += Chunk)
        {
            var end = Math.Min(start + Chunk, to);
            var first = start;
            Parallel.For(first, end, parallel, id => results[id - first] = compute(id));
            for (var id = start; id < end; id++)
            {
                take(id, results[id - start]);
            }
        }
    }
}
