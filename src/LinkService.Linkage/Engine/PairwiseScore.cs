using LinkService.Configuration.Projects;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Engine;

/// <summary>Pairwise precision, recall and F1 of entities against known truth, counting only the pairs the mode links.</summary>
public sealed record PairwiseScore(long TruePairs, long PredictedPairs, long CorrectPairs)
{
    public double Precision => PredictedPairs == 0 ? 1 : CorrectPairs / (double)PredictedPairs;

    public double Recall => TruePairs == 0 ? 1 : CorrectPairs / (double)TruePairs;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Scores entities against truth (-1: unknown, never a true pair).</summary>
    internal static PairwiseScore Of(RecordTable table, int[] entity, int[] truth, LinkageMode mode)
    {
        var predicted = PairsWithin(table, mode, i => entity[i]);
        var truePairs = CountTruePairs(table, truth, mode);
        var correct = PairsWithin(table, mode, i => truth[i] < 0 ? -1 - (long)i : ((long)entity[i] << 32) | (uint)truth[i]);
        return new PairwiseScore(truePairs, predicted, correct);
    }

    internal static long CountTruePairs(RecordTable table, int[] truth, LinkageMode mode) =>
        PairsWithin(table, mode, i => truth[i] < 0 ? -1 - (long)i : truth[i]);

    /// <summary>How many pairs the mode counts among records sharing a group key.</summary>
    private static long PairsWithin(RecordTable table, LinkageMode mode, Func<int, long> group)
    {
        var keys = new long[table.Count];
        var records = new int[table.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = group(i);
            records[i] = i;
        }

        Array.Sort(keys, records);
        var perSource = new long[table.SourceNames.Count];
        long total = 0;
        for (var start = 0; start < keys.Length;)
        {
            var end = start;
            Array.Clear(perSource);
            while (end < keys.Length && keys[end] == keys[start])
            {
                perSource[table.Source[records[end]]]++;
                end++;
            }

            long n = end - start;
            var within = perSource.Sum(k => k * (k - 1) / 2);
            total += mode switch
            {
                LinkageMode.Link => (n * (n - 1) / 2) - within,
                LinkageMode.Dedupe => within,
                _ => n * (n - 1) / 2,
            };
            start = end;
        }

        return total;
    }
}
