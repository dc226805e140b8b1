using System.Collections.Concurrent;

namespace LinkService.Linkage.Data;

/// <summary>
/// Work over millions of items, one range of them a task on every core: a task an item costs more in scheduling than
/// the item, and ranges keep each worker reading in sequence.
/// </summary>
internal static class Ranges
{
    /// <summary>The items in a range unless told otherwise.</summary>
    public const int Size = 1 << 16;

    /// <summary>Calls <paramref name="body"/>(from, to) for each range [from, to) of <c>0..<paramref name="count"/></c>, on every core.</summary>
    public static void For(int count, Action<int, int> body, int size = Size)
    {
        if (count > 0)
        {
            Parallel.ForEach(Partitioner.Create(0, count, size), Workers.Options(), range => body(range.Item1, range.Item2));
        }
    }
}
