using LinkService.Linkage.Data;
using LinkService.Linkage.Engine;

namespace LinkService.Linkage.Clustering;

/// <summary>
/// Links become entities as connected components. With one-to-one, links across the two sources are
/// taken best first and a record already linked across is not linked again. Entity numbers count up
/// from 1 in record order (the component's first record), so the same inputs give the same ids.
/// </summary>
internal static class EntityClusterer
{
    public static (int[] Entity, int Entities, List<ScoredPair> Accepted) Cluster(RecordTable table, IReadOnlyList<ScoredPair> links, bool oneToOne)
    {
        var accepted = new List<ScoredPair>(links.Count);
        var sets = new UnionFind(table.Count);
        var source = table.Source;
        // Components do not depend on the order links are taken in; one-to-one takes the best first.
        IEnumerable<ScoredPair> ordered = oneToOne ? links.OrderByDescending(p => p.Probability).ThenBy(p => p.A).ThenBy(p => p.B) : links;
        var linkedAcross = oneToOne ? new bool[table.Count] : null;
        foreach (var pair in ordered)
        {
            if (linkedAcross is not null && source[pair.A] != source[pair.B])
            {
                if (linkedAcross[pair.A] || linkedAcross[pair.B])
                {
                    continue;
                }

                linkedAcross[pair.A] = linkedAcross[pair.B] = true;
            }

            accepted.Add(pair);
            sets.Union(pair.A, pair.B);
        }

        var entity = new int[table.Count];
        var next = 0;
        for (var i = 0; i < table.Count; i++)
        {
            var root = sets.Find(i);
            entity[i] = root == i ? ++next : entity[root];
        }

        return (entity, next, accepted);
    }
}
