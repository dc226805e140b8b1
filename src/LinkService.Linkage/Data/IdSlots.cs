using System.Runtime.CompilerServices;

namespace LinkService.Linkage.Data;

/// <summary>
/// The index of an interning table: open addressing over slots that each hold a value's hash (high half) and its id
/// (low half), 0 when empty, so that a probe compares hashes without reading the value. The interners of text
/// (<see cref="SpanInterner"/>) and of a delivery's raw cells keep their values each their own way and share this.
/// </summary>
internal static class IdSlots
{
    /// <summary>The same entries in a table of <paramref name="length"/> slots (a power of two), each at its hash's first free slot.</summary>
    /// <remarks>Compiled optimised at once, as the interners' other loops are: a run is over before tiering would get to it.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long[] Rehash(long[] slots, int length)
    {
        var grown = new long[length];
        var mask = length - 1;
        foreach (var entry in slots)
        {
            if (entry == 0)
            {
                continue;
            }

            var slot = (int)(entry >> 32) & mask;
            while (grown[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            grown[slot] = entry;
        }

        return grown;
    }
}
