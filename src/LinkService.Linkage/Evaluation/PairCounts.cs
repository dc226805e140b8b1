namespace LinkService.Linkage.Evaluation;

/// <summary>How many pairs of records share a group, counted across sources and within a source.</summary>
internal static class PairCounts
{
    public static (long Cross, long Within) Within(int[] source, Func<int, long> group)
    {
        var keys = new long[source.Length];
        var records = new int[source.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = group(i);
            records[i] = i;
        }

        Array.Sort(keys, records);
        var perSource = new Dictionary<int, long>();
        long cross = 0, within = 0;
        for (var start = 0; start < keys.Length;)
        {
            var end = start;
            perSource.Clear();
            while (end < keys.Length && keys[end] == keys[start])
            {
                perSource[source[records[end]]] = perSource.GetValueOrDefault(source[records[end]]) + 1;
                end++;
            }

            long n = end - start;
            var same = perSource.Values.Sum(k => k * (k - 1) / 2);
            within += same;
            cross += (n * (n - 1) / 2) - same;
            start = end;
        }

        return (cross, within);
    }
}
