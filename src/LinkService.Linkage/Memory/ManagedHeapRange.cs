namespace LinkService.Linkage.Memory;

/// <summary>
/// Where the GC's heap lies among a process's mappings. The GC (regions, .NET 7 on) reserves the whole heap as one
/// range of <c>GCRegionRange</c> bytes at start and commits regions from its low end, so the range is a run of
/// adjacent anonymous mappings whose top is one mapping of address space never used: by far the largest in the run.
/// Neighbouring anonymous mappings (the GC's own bookkeeping below, C-heap arenas above) may touch the run; the
/// range's size keeps the bookkeeping out, and its top mapping ends it before the arenas.
/// </summary>
internal static class ManagedHeapRange
{
    /// <summary>The range holding <paramref name="heapAddress"/>, or null when that address is in no anonymous mapping.</summary>
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

        var top = at;
        for (var i = at + 1; i < mappings.Count && mappings[i].Anonymous && mappings[i].Start == mappings[i - 1].End; i++)
        {
            if (mappings[i].Length > mappings[top].Length)
            {
                top = i;
            }
        }

        var end = mappings[top].End;
        if (end - mappings[low].Start <= reservedBytes)
        {
            return (mappings[low].Start, end);
        }

        // madvise takes a page-aligned start.
        var page = (ulong)Environment.SystemPageSize;
        return ((end - reservedBytes + page - 1) / page * page, end);
    }
}
