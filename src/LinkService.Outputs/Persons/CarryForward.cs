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
        var texts = previous?.Pseudonyms ?? new SpanInterner();
        var textOf = new int[records.Clusters];
        var carried = 0;
        if (previous is not null)
        {
            var used = new bool[texts.Count];
            foreach (var candidate in CarryCandidates.Of(records, previous))
            {
                if (textOf[candidate.Cluster] == 0 && !used[candidate.Pseudonym])
                {
                    textOf[candidate.Cluster] = candidate.Pseudonym;
                    used[candidate.Pseudonym] = true;
                    carried++;
                }
            }
        }

        var values = Derive(records, textOf, texts, pseudonyms, cancellationToken);
        return new PersonPseudonyms(texts, textOf, values) { Carried = carried, New = records.Clusters - carried, Retired = texts.Count - 1 - carried };
    }

    /// <summary>
    /// Each cluster still without one gets the first attempt no one has taken, in cluster order. Taken: every
    /// pseudonym of the previous run (one that is not spelled as this run spells them cannot be met) and every one given.
    /// </summary>
    private static UInt128[] Derive(LinkedRecords records, int[] textOf, SpanInterner previous, Pseudonymiser pseudonyms, CancellationToken cancellationToken)
    {
        var values = new UInt128[textOf.Length];
        pseudonyms.FirstPersons(values, (int c, out ReadOnlySpan<char> source, out ReadOnlySpan<char> key) =>
        {
            // A cluster that carried a pseudonym forward needs no seed: its smallest record's key is not fetched.
            if (textOf[c] != 0)
            {
                source = default;
                key = default;
                return false;
            }

            source = Seed(records, c, out key);
            return true;
        }, cancellationToken);

        var before = new List<UInt128>(previous.Count);
        for (var id = 1; id < previous.Count; id++)
        {
            if (Pseudonymiser.TryReadPerson(previous[id], out var value))
            {
                before.Add(value);
            }
        }

        if (!AnyTwice(values, textOf, before))
        {
            // No first attempt is another's or an earlier run's (80-bit values: all but always): the rule below would
            // take every one as it stands. Sorting them says so in a fraction of the time a set of millions takes.
            return values;
        }

        var taken = new HashSet<UInt128>(before);

        using var later = pseudonyms.Hasher();
        for (var c = 0; c < textOf.Length; c++)
        {
            for (var attempt = 1; textOf[c] == 0 && !taken.Add(values[c]); attempt++)
            {
                values[c] = Attempt(later, records, c, attempt);
            }
        }

        return values;
    }

    /// <summary>Whether two of the first attempts of clusters without a pseudonym, and the previous run's pseudonyms, are one value.</summary>
    /// <remarks>
    /// Only the first attempts are sorted, and each previous pseudonym is looked for among them: a rerun has millions of
    /// previous pseudonyms and few new people, and the previous pseudonyms are one value each already (each text was
    /// numbered once, and a person pseudonym is spelled one way only). They were sorted with the first attempts before,
    /// millions of values on every rerun.
    /// </remarks>
    private static bool AnyTwice(UInt128[] values, int[] textOf, List<UInt128> before)
    {
        var fresh = new List<UInt128>();
        for (var c = 0; c < values.Length; c++)
        {
            if (textOf[c] == 0)
            {
                fresh.Add(values[c]);
            }
        }

        // In the order the output files sort pseudonyms in (radix on their top bits, ties by the whole values): a value
        // held twice lies beside itself.
        var sorted = Anonymising.RecordFileWriter.SortByValue([.. Enumerable.Range(0, fresh.Count)], i => fresh[i]);
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1])
            {
                return true;
            }
        }

        foreach (var value in before)
        {
            if (Array.BinarySearch(sorted, value) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static UInt128 Attempt(PseudonymHasher hasher, LinkedRecords records, int cluster, int attempt)
    {
        var source = Seed(records, cluster, out var key);
        return hasher.Person(source, key, attempt);
    }

    /// <summary>The source (returned) and key of the record a new person's pseudonym is derived from: the cluster's smallest.</summary>
    private static string Seed(LinkedRecords records, int cluster, out ReadOnlySpan<char> key)
    {
        var seed = records.Members(cluster)[0];
        key = records.Key(seed);
        return records.Sources[records.SourceOf(seed)];
    }
}
