using LinkService.Configuration.Projects;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Engine;

/// <summary>Pairwise precision, recall and F1 of entities against known truth, counting only the pairs the mode links.</summary>
public sealed record PairwiseScore(long TruePairs, long PredictedPairs, long CorrectPairs)
{
    public double Precision => PredictedPairs == 0 ? 1 : CorrectPairs / (double)PredictedPairs;

    public double Recall => TruePairs == 0 ? 1 : CorrectPairs / (double)TruePairs;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    internal static PairwiseScore Of(RecordTable table, int[] entity, int[] truth, LinkageMode mode)
    {
        var sources = table.SourceNames.Count;
        long Pairs(IEnumerable<int> records)
        {
            var perSource = new long[sources];
            long n = 0;
            foreach (var r in records)
            {
                perSource[table.Source[r]]++;
                n++;
            }

            var within = perSource.Sum(k => k * (k - 1) / 2);
            return mode switch
            {
                LinkageMode.Link => (n * (n - 1) / 2) - within,
                LinkageMode.Dedupe => within,
                _ => n * (n - 1) / 2,
            };
        }

        var all = Enumerable.Range(0, table.Count);
        var truePairs = all.Where(r => truth[r] >= 0).GroupBy(r => truth[r]).Sum(g => Pairs(g));
        var predicted = all.GroupBy(r => entity[r]).Sum(g => Pairs(g));
        var correct = all.Where(r => truth[r] >= 0).GroupBy(r => ((long)entity[r] << 32) | (uint)truth[r]).Sum(g => Pairs(g));
        return new PairwiseScore(truePairs, predicted, correct);
    }
}
