using LinkService.Linkage.Data;

namespace LinkService.Outputs.Persons;

/// <summary>A cluster and a previous pseudonym (its id) its records held, with how many records held it.</summary>
internal readonly record struct CarryCandidate(int Cluster, int Pseudonym, int Shared, int Rank);

/// <summary>Every (cluster, previous pseudonym) pair with the records they share, in the order <see cref="CarryForward"/> takes them.</summary>
internal static class CarryCandidates
{
    public static CarryCandidate[] Of(LinkedRecords records, PreviousPersons previous)
    {
        var rank = Ranks(previous.Pseudonyms);
        var shared = new int[previous.Pseudonyms.Count];
        var held = new List<int>();
        var candidates = new List<CarryCandidate>();
        for (var c = 0; c < records.Clusters; c++)
        {
            foreach (var record in records.Members(c))
            {
                if (previous.OfRecord[record] is var id and > 0 && shared[id]++ == 0)
                {
                    held.Add(id);
                }
            }

            foreach (var id in held)
            {
                candidates.Add(new CarryCandidate(c, id, shared[id], rank[id]));
                shared[id] = 0;
            }

            held.Clear();
        }

        // Clusters are numbered in the order of their smallest record, so the cluster number breaks the last tie.
        var ordered = candidates.ToArray();
        Array.Sort(ordered, static (a, b) => a.Shared != b.Shared ? b.Shared.CompareTo(a.Shared)
            : a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank)
            : a.Cluster.CompareTo(b.Cluster));
        return ordered;
    }

    /// <summary>Each pseudonym's place in ordinal order.</summary>
    private static int[] Ranks(SpanInterner pseudonyms)
    {
        var rank = new int[pseudonyms.Count];
        var order = OrdinalOrder.Of(pseudonyms.Count - 1, i => pseudonyms[i + 1]);
        for (var i = 0; i < order.Length; i++)
        {
            rank[order[i] + 1] = i;
        }

        return rank;
    }
}
