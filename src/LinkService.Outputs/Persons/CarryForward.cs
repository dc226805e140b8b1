using LinkService.Linkage.Data;
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
/// First attempts are derived on every core; taking them, like the rest of the rule, goes cluster by cluster.
/// </remarks>
internal static partial class CarryForward
{
    public static PersonPseudonyms Assign(LinkedRecords records, PreviousPersons? previous, Pseudonymiser pseudonyms, CancellationToken cancellationToken)
    {
        // Every pseudonym taken or used before, so that the set of them is also where each cluster's is spelled.
        var taken = previous?.Pseudonyms ?? new SpanInterner();
        var retiring = taken.Count - 1;
        var ofCluster = new int[records.Clusters];
        var carried = 0;
        if (previous is not null)
        {
            var used = new bool[taken.Count];
            foreach (var candidate in CarryCandidates.Of(records, previous))
            {
                if (ofCluster[candidate.Cluster] == 0 && !used[candidate.Pseudonym])
                {
                    ofCluster[candidate.Cluster] = candidate.Pseudonym;
                    used[candidate.Pseudonym] = true;
                    carried++;
                }
            }
        }

        Derive(records, ofCluster, taken, pseudonyms, cancellationToken);
        return new PersonPseudonyms(taken, ofCluster, carried, records.Clusters - carried, retiring - carried);
    }

    /// <summary>Each cluster still without one gets the first attempt no one has taken, in cluster order.</summary>
    private static void Derive(LinkedRecords records, int[] ofCluster, SpanInterner taken, Pseudonymiser pseudonyms, CancellationToken cancellationToken)
    {
        var first = new UInt128[ofCluster.Length];
        pseudonyms.Compute(ofCluster.Length, (hasher, c) =>
        {
            if (ofCluster[c] == 0)
            {
                first[c] = Attempt(hasher, records, c, 0);
            }
        }, cancellationToken);

        using var later = pseudonyms.Hasher();
        Span<char> text = stackalloc char[Pseudonymiser.Length];
        for (var c = 0; c < ofCluster.Length; c++)
        {
            if (ofCluster[c] != 0)
            {
                continue;
            }

            var value = first[c];
            for (var attempt = 1; ; attempt++)
            {
                Pseudonymiser.WritePerson(value, text);
                var next = taken.Count;
                if ((ofCluster[c] = taken.Intern(text)) == next)
                {
                    break;
                }

                value = Attempt(later, records, c, attempt);
            }
        }
    }

    private static UInt128 Attempt(PseudonymHasher hasher, LinkedRecords records, int cluster, int attempt)
    {
        var seed = records.Members(cluster)[0];
        return hasher.Person(records.Sources[records.SourceOf(seed)], records.Key(seed), attempt);
    }
}

/// <summary>
/// Every cluster's person pseudonym: an id into <see cref="Texts"/>, which also holds the previous run's pseudonyms;
/// and how many clusters carried one forward, got a new one, and previous pseudonyms no cluster took.
/// </summary>
internal sealed record PersonPseudonyms(SpanInterner Texts, int[] OfCluster, int Carried, int New, int Retired)
{
    public int IdOf(LinkedRecords records, int record) => OfCluster[records.ClusterOf(record)];

    public ReadOnlySpan<char> Of(LinkedRecords records, int record) => Texts[IdOf(records, record)];
}
