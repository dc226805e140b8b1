using LinkService.Outputs.Pseudonyms;

namespace LinkService.Outputs.Persons;

/// <summary>
/// Gives each cluster of a run its person pseudonym, carrying forward the previous run's where the clusters overlap
/// (by record key), so an analyst can follow a person across monthly deliveries.
/// </summary>
/// <remarks>
/// The rule (docs/design.md, "Person pseudonyms across runs"):
/// <list type="number">
/// <item>Each pair of a new cluster and a previous pseudonym its records held is scored by the number of records
/// they share. Pairs are taken greedily, most shared records first; ties go to the smaller pseudonym (ordinal), then
/// to the cluster with the smaller record; a pair is taken only if neither its cluster nor its pseudonym has been.</item>
/// <item>So on a merge the cluster keeps the pseudonym of the previous cluster it shares most records with (ties:
/// the smallest pseudonym); on a split the part sharing most records keeps it (ties: the part holding the smallest
/// record), and the other parts are new people, unless they share records with another previous cluster.</item>
/// <item>A cluster with no pseudonym left to take is new: its pseudonym is derived from its smallest record (source,
/// then record key) under the project key, so a rerun gives the same one. Should that pseudonym already be taken,
/// or be one the previous run used (a person gone from this run keeps theirs unused), the next attempt is derived.</item>
/// </list>
/// </remarks>
internal static class CarryForward
{
    public static PersonAssignment Assign(IReadOnlyList<RecordRef[]> clusters, IReadOnlyDictionary<RecordRef, string>? previous, Pseudonymiser pseudonyms)
    {
        var chosen = new string?[clusters.Count];
        var taken = new HashSet<string>(StringComparer.Ordinal);
        if (previous is not null)
        {
            foreach (var (cluster, pseudonym, _) in Candidates(clusters, previous))
            {
                if (chosen[cluster] is null && !taken.Contains(pseudonym))
                {
                    chosen[cluster] = pseudonym;
                    taken.Add(pseudonym);
                }
            }

            taken.UnionWith(previous.Values);
        }

        var carried = chosen.Count(c => c is not null);
        for (var c = 0; c < clusters.Count; c++)
        {
            if (chosen[c] is not null)
            {
                continue;
            }

            var seed = clusters[c][0];
            var attempt = 0;
            string pseudonym;
            do
            {
                pseudonym = pseudonyms.Person(seed.Source, seed.Key, attempt++);
            }
            while (!taken.Add(pseudonym));
            chosen[c] = pseudonym;
        }

        var persons = new Dictionary<RecordRef, string>();
        for (var c = 0; c < clusters.Count; c++)
        {
            foreach (var record in clusters[c])
            {
                persons[record] = chosen[c]!;
            }
        }

        var retired = previous is null ? 0 : previous.Values.Distinct(StringComparer.Ordinal).Count() - carried;
        return new PersonAssignment(persons, carried, clusters.Count - carried, retired);
    }

    /// <summary>Every (cluster, previous pseudonym, shared records) pair, in the order the rule takes them.</summary>
    private static List<(int Cluster, string Pseudonym, int Shared)> Candidates(IReadOnlyList<RecordRef[]> clusters, IReadOnlyDictionary<RecordRef, string> previous)
    {
        var candidates = new List<(int Cluster, string Pseudonym, int Shared)>();
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < clusters.Count; c++)
        {
            shared.Clear();
            foreach (var record in clusters[c])
            {
                if (previous.TryGetValue(record, out var pseudonym))
                {
                    shared[pseudonym] = shared.GetValueOrDefault(pseudonym) + 1;
                }
            }

            candidates.AddRange(shared.Select(s => (c, s.Key, s.Value)));
        }

        // Clusters are numbered in the order of their smallest record, so the cluster index breaks the last tie.
        candidates.Sort((a, b) => a.Shared != b.Shared ? b.Shared.CompareTo(a.Shared)
            : string.CompareOrdinal(a.Pseudonym, b.Pseudonym) is var byName and not 0 ? byName
            : a.Cluster.CompareTo(b.Cluster));
        return candidates;
    }
}

/// <summary>Every record's person pseudonym, and how many clusters carried one forward, got a new one, and previous pseudonyms no cluster took.</summary>
internal sealed record PersonAssignment(IReadOnlyDictionary<RecordRef, string> Persons, int Carried, int New, int Retired);
