namespace LinkService.Linkage.Blocking;

/// <summary>
/// Stable sort of 64-bit keys with record numbers given in ascending order: records with equal keys keep their order,
/// so blocks come out in record order without a second sort.
/// <para>
/// The keys are hashes, spread evenly: one pass deals them into buckets by their top bits (a few keys a bucket), and
/// each bucket is then put in order, by an insertion sort when small. Two passes over the data, where sorting 16 bits
/// at a time took four. Equal keys share a bucket in the order they came and stay in it: the order any stable sort gives.
/// </para>
/// </summary>
internal static class RadixSort
{
    private const int MaxBits = 20;

    // A bucket larger than this (a large block, or two keys sharing their top bits) is sorted in n log n.
    private const int InsertionLimit = 32;

    public static void Sort(ulong[] keys, int[] values, int count)
    {
        if (count < 2)
        {
            return;
        }

        var bits = Math.Clamp(62 - (int)ulong.LeadingZeroCount((ulong)count), 1, MaxBits);
        var shift = 64 - bits;
        var starts = new int[(1 << bits) + 1];
        for (var i = 0; i < count; i++)
        {
            starts[(int)(keys[i] >> shift) + 1]++;
        }

        for (var b = 0; b < 1 << bits; b++)
        {
            starts[b + 1] += starts[b];
        }

        var keyBuffer = GC.AllocateUninitializedArray<ulong>(count);
        var valueBuffer = GC.AllocateUninitializedArray<int>(count);
        var next = starts[..^1];
        for (var i = 0; i < count; i++)
        {
            var at = next[(int)(keys[i] >> shift)]++;
            keyBuffer[at] = keys[i];
            valueBuffer[at] = values[i];
        }

        for (var b = 0; b < 1 << bits; b++)
        {
            if (starts[b + 1] - starts[b] <= InsertionLimit)
            {
                InsertionSort(keyBuffer, valueBuffer, starts[b], starts[b + 1]);
            }
            else
            {
                StableSort(keyBuffer.AsSpan(starts[b], starts[b + 1] - starts[b]), valueBuffer.AsSpan(starts[b], starts[b + 1] - starts[b]));
            }
        }

        keyBuffer.AsSpan(0, count).CopyTo(keys);
        valueBuffer.AsSpan(0, count).CopyTo(values);
    }

    /// <summary>By key, then by value: the values of a bucket came in ascending order, so this keeps equal keys' order.</summary>
    private static void StableSort(Span<ulong> keys, Span<int> values)
    {
        keys.Sort(values);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            values[start..end].Sort();
            start = end;
        }
    }

    private static void InsertionSort(ulong[] keys, int[] values, int from, int to)
    {
        for (var i = from + 1; i < to; i++)
        {
            var key = keys[i];
            var value = values[i];
            var j = i - 1;
            while (j >= from && keys[j] > key)
            {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
                j--;
            }

            keys[j + 1] = key;
            values[j + 1] = value;
        }
    }
}
