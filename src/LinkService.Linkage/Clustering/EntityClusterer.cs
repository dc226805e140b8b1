using LinkService.Linkage.Data;
using LinkService.Linkage.Engine;

namespace LinkService.Linkage.Clustering;

/// <summary>
/// Links become entities as connected components. With one-to-one, links across the two sources are
/// taken best first and a record already linked across is not linked again. Entity numbers count up
/// from 1 in record order (the component's first record), so the same inputs give the same ids. Without one-to-one,
/// the accepted links are the links given, the same list.
/// </summary>
internal static class EntityClusterer
{
    public static (int[] Entity, int Entities, List<ScoredPair> Accepted) Cluster(RecordTable table, IReadOnlyList<ScoredPair> links, bool oneToOne)
    {
        var sets = new UnionFind(table.Count);
        List<ScoredPair> accepted;
        if (oneToOne)
        {
            // One-to-one takes the best first; without it, components do not depend on the order links are taken in.
            accepted = new List<ScoredPair>(links.Count);
            var source = table.Source;
            var linkedAcross = new bool[table.Count];
            foreach (var pair in links.OrderByDescending(p => p.Probability).ThenBy(p => p.A).ThenBy(p => p.B))
            {
                if (source[pair.A] != source[pair.B])
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
        }
        else
        {
            // Every link is accepted: the list itself, not a copy of it (tens of megabytes of fresh memory at 1M × 3M).
            accepted = links as List<ScoredPair> ?? [.. links];
            foreach (var pair in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(accepted))
            {
                sets.Union(pair.A, pair.B);
            }
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
