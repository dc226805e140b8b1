using LinkService.Linkage.Data;

namespace LinkService.Linkage.Blocking;

/// <summary>
/// Stable sort of 64-bit keys with record numbers given in ascending order: records with equal keys keep their order,
/// so blocks come out in record order without a second sort.
/// <para>
/// The keys are hashes, spread evenly. A first pass deals them into buckets of a few thousand keys by their top bits;
/// each bucket, small enough to stay in the processor's cache, is then dealt by its next bits into buckets of a few
/// keys, and those are put in order by an insertion sort. Dealing four million keys straight into a million buckets in
/// one pass wrote every key to a page of its own and took 0.3–0.4 s a rule at 1M × 3M. Every deal keeps the order keys
/// came in, so equal keys stay in record order: the order any stable sort gives.
/// </para>
/// </summary>
internal static class RadixSort
{
    // About this many keys a first-pass bucket (its keys and values fit in a core's own cache), and a second-pass one.
    private const int FirstBucketBits = 12;
    private const int SecondBucketBits = 2;
    private const int MaxBits = 16;

    // A bucket larger than this (a large block, or two keys sharing their top bits) is sorted in n log n.
    private const int InsertionLimit = 32;

    public static void Sort(ulong[] keys, int[] values, int count)
    {
        if (count >= 2)
        {
            Sort(keys, values, count, GC.AllocateUninitializedArray<ulong>(count), GC.AllocateUninitializedArray<int>(count));
        }
    }

    /// <summary>As <see cref="Sort(ulong[], int[], int)"/>, dealing through the caller's buffers (room for <paramref name="count"/> each; their contents are lost).</summary>
    public static void Sort(ulong[] keys, int[] values, int count, ulong[] keyBuffer, int[] valueBuffer)
    {
        if (count < 2)
        {
            return;
        }

        if (keyBuffer.Length < count || valueBuffer.Length < count)
        {
            throw new ArgumentException($"The sort's buffers need room for {count} keys and values.", nameof(keyBuffer));
        }

        var bits = BitsFor(count, FirstBucketBits);
        var starts = new int[(1 << bits) + 1];
        Deal(keys, values, 0, count, 64 - bits, bits, keyBuffer, valueBuffer, starts, new int[1 << bits]);
        var largest = 0;
        for (var b = 0; b < 1 << bits; b++)
        {
            largest = Math.Max(largest, starts[b + 1] - starts[b]);
        }

        var most = BitsFor(largest, SecondBucketBits);
        var (inner, next) = (new int[(1 << most) + 1], new int[1 << most]);

        // Each bucket is dealt back into its own place in the caller's arrays, and put in order there.
        for (var b = 0; b < 1 << bits; b++)
        {
            var (from, to) = (starts[b], starts[b + 1]);
            if (to - from <= InsertionLimit)
            {
                keyBuffer.AsSpan(from, to - from).CopyTo(keys.AsSpan(from));
                valueBuffer.AsSpan(from, to - from).CopyTo(values.AsSpan(from));
                InsertionSort.ByKey(keys.AsSpan(from, to - from), values.AsSpan(from, to - from));
                continue;
            }

            var innerBits = BitsFor(to - from, SecondBucketBits);
            Deal(keyBuffer, valueBuffer, from, to, 64 - bits - innerBits, innerBits, keys, values, inner, next);
            for (var c = 0; c < 1 << innerBits; c++)
            {
                var (start, end) = (from + inner[c], from + inner[c + 1]);
                if (end - start <= InsertionLimit)
                {
                    InsertionSort.ByKey(keys.AsSpan(start, end - start), values.AsSpan(start, end - start));
                }
                else
                {
                    StableSort(keys.AsSpan(start, end - start), values.AsSpan(start, end - start));
                }
            }
        }
    }

    /// <summary>How many bits to deal <paramref name="count"/> keys by, for about 2^<paramref name="perBucket"/> keys a bucket.</summary>
    private static int BitsFor(int count, int perBucket) =>
        Math.Clamp(64 - (int)ulong.LeadingZeroCount((ulong)count) - perBucket, 1, MaxBits);

    /// <summary>
    /// Deals keys <paramref name="from"/> to <paramref name="to"/> into the same places of the other arrays, by the
    /// <paramref name="bits"/> bits from <paramref name="shift"/> up, in the order they came; <paramref name="starts"/>
    /// is left holding where each bucket starts, counted from <paramref name="from"/>, and one past the last.
    /// </summary>
    /// <param name="next">Room for one place a bucket.</param>
    private static void Deal(ulong[] keys, int[] values, int from, int to, int shift, int bits, ulong[] intoKeys, int[] intoValues, int[] starts, int[] next)
    {
        var mask = (1UL << bits) - 1;
        Array.Clear(starts, 0, (1 << bits) + 1);
        for (var i = from; i < to; i++)
        {
            starts[(int)((keys[i] >> shift) & mask) + 1]++;
        }

        for (var b = 0; b < 1 << bits; b++)
        {
            starts[b + 1] += starts[b];
        }

        Array.Copy(starts, next, 1 << bits);
        for (var i = from; i < to; i++)
        {
            var at = from + next[(int)((keys[i] >> shift) & mask)]++;
            intoKeys[at] = keys[i];
            intoValues[at] = values[i];
        }
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
}
