using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LinkService.Linkage.Data;

/// <summary>
/// Ints laid out a row per record, each row starting on a cache line (the width padded to a power of two up to a line,
/// whole lines beyond): a pair of scattered records is read a line each, where an unaligned row took two lines half
/// the time. The pair loops run at the speed of those reads.
/// </summary>
internal sealed class AlignedRows
{
    private const int LineInts = 64 / sizeof(int);

    public AlignedRows(int records, int columns, int minimumWidth = 1)
    {
        var needed = Math.Max(columns, minimumWidth);
        Width = needed <= LineInts ? (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(needed, 1)) : ((needed + LineInts - 1) / LineInts) * LineInts;

        // Pinned, so the alignment of the first row holds.
        Values = GC.AllocateArray<int>(checked((int)(((long)records * Width) + LineInts)), pinned: true);
        Origin = AlignedOrigin(Values);
    }

    private AlignedRows()
    {
        Values = [];
        Width = 1;
    }

    /// <summary>No rows at all: every row asked of it lies outside <see cref="Values"/>, so reading one throws.</summary>
    public static AlignedRows Empty { get; } = new();

    /// <summary>The ints, row <c>r</c> starting at <see cref="Row"/>(r).</summary>
    public int[] Values { get; }

    public int Width { get; }

    private int Origin { get; }

    public long Row(int record) => Origin + ((long)record * Width);

    /// <summary>
    /// Starts fetching the record's row into the cache (where the processor can be told to) without waiting for it: the
    /// pair loops name the records a few ahead of those they compare, so their rows are there when compared. The array
    /// is pinned, so its address holds.
    /// </summary>
    public void Prefetch(int record) => CacheFetch.Ahead(Values, (int)Row(record));

    private static unsafe int AlignedOrigin(int[] array)
    {
        var address = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        var misaligned = (int)(address % (LineInts * sizeof(int)));
        return misaligned == 0 ? 0 : ((LineInts * sizeof(int)) - misaligned) / sizeof(int);
    }
}
