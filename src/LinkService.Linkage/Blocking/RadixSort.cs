namespace LinkService.Linkage.Blocking;

/// <summary>
/// Stable least-significant-digit radix sort of 64-bit keys with int payloads: records with equal keys keep
/// their order, so blocks come out in record order without a second sort.
/// </summary>
internal static class RadixSort
{
    private const int Bits = 16;
    private const int Buckets = 1 << Bits;

    public static void Sort(ulong[] keys, int[] values, int count)
    {
        var keyBuffer = new ulong[count];
        var valueBuffer = new int[count];
        var counts = new int[Buckets];
        var (srcKeys, srcValues, dstKeys, dstValues) = (keys, values, keyBuffer, valueBuffer);
        for (var shift = 0; shift < 64; shift += Bits)
        {
            Array.Clear(counts);
            for (var i = 0; i < count; i++)
            {
                counts[(int)((srcKeys[i] >> shift) & (Buckets - 1))]++;
            }

            var sum = 0;
            for (var b = 0; b < Buckets; b++)
            {
                var c = counts[b];
                counts[b] = sum;
                sum += c;
            }

            for (var i = 0; i < count; i++)
            {
                var bucket = (int)((srcKeys[i] >> shift) & (Buckets - 1));
                var at = counts[bucket]++;
                dstKeys[at] = srcKeys[i];
                dstValues[at] = srcValues[i];
            }

            (srcKeys, srcValues, dstKeys, dstValues) = (dstKeys, dstValues, srcKeys, srcValues);
        }

        // Four passes: the sorted data is back in the caller's arrays.
    }
}
