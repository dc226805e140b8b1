namespace LinkService.Linkage.Memory;

/// <summary>
/// Where the GC's heap lies among a process's mappings. The GC (regions, .NET 7 on) reserves the whole heap as one
/// range of <c>GCRegionRange</c> bytes at start and commits regions from its low end (large objects' regions too), so
/// the range is a run of adjacent anonymous mappings whose top is one mapping of address space never used.
/// Neighbouring anonymous mappings (the GC's own bookkeeping below, C-heap arenas above) may touch the run; the
/// range's size keeps the bookkeeping out, and its top mapping ends it before the arenas.
/// </summary>
internal static class ManagedHeapRange
{
    /// <summary>
    /// The range holding <paramref name="heapAddress"/>, or null when that address is in no anonymous mapping or its run
    /// of mappings cannot hold a range of <paramref name="reservedBytes"/> with the address in it.
    /// </summary>
    public static (ulong Start, ulong End)? Find(IReadOnlyList<ProcessMapping> mappings, ulong heapAddress, ulong reservedBytes)
    {
        var at = -1;
        for (var i = 0; i < mappings.Count; i++)
        {
            if (mappings[i].Start <= heapAddress && heapAddress < mappings[i].End)
            {
                at = i;
                break;
            }
        }

        if (at < 0 || !mappings[at].Anonymous)
        {
            return null;
        }

        var low = at;
        while (low > 0 && mappings[low - 1].Anonymous && mappings[low - 1].End == mappings[low].Start)
        {
            low--;
        }

        // The range lies in the run, so it starts at or above the run's start, and the address its size above that start
        // (less one) is inside it: in its top, not yet used, unless the heap has grown within that distance of its end. Its
        // end is that mapping's. The largest mapping is no guide: a collection frees gaps in the middle, and the C-heap
        // arenas above (64 MiB each) outgrow a top the heap has nearly filled.
        if (reservedBytes == 0 || reservedBytes > ulong.MaxValue - mappings[low].Start)
        {
            return null;
        }

        var inside = mappings[low].Start + reservedBytes - 1;
        var top = at;
        while (top + 1 < mappings.Count && mappings[top + 1].Anonymous && mappings[top + 1].Start == mappings[top].End && mappings[top + 1].Start <= inside)
        {
            top++;
        }

        // A run that ends below it does not hold a range of that size, and one with more than that size below the address
        // holds more than the GC's: either way the range cannot be told, and advising a guess could reach thread stacks.
        if (mappings[top].End <= inside || inside < heapAddress)
        {
            return null;
        }

        var end = mappings[top].End;

        // madvise takes a page-aligned start.
        var page = (ulong)Environment.SystemPageSize;
        return ((end - reservedBytes + page - 1) / page * page, end);
    }
}
