using System.Globalization;
using LinkService.Linkage.Running;

namespace LinkService.Linkage.Evaluation;

/// <summary>
/// What a custodian knows to be true, read from a file in one of two forms: a truth file
/// (<c>source,record_id,person_id</c>, as <c>synth</c> writes) or labelled pairs
/// (<c>source_a,record_id_a,source_b,record_id_b[,is_match]</c>, as clerical review yields). Pairs without
/// <c>is_match</c> are the true pairs among the records they name; with it, each pair is judged on its own.
/// </summary>
internal sealed class TruthFile
{
    private TruthFile(Dictionary<(string Source, string Id), string>? person, List<LabelledPair>? pairs)
    {
        Person = person;
        Pairs = pairs;
    }

    /// <summary>The person behind each record (a truth file, or pairs without labels joined into people).</summary>
    public Dictionary<(string Source, string Id), string>? Person { get; }

    /// <summary>Pairs each judged a match or not.</summary>
    public List<LabelledPair>? Pairs { get; }

    /// <exception cref="InvalidDataException">The file is in neither form; the message names the line, never a value.</exception>
    public static TruthFile Read(string path, CancellationToken cancellationToken)
    {
        using var csv = OwnCsv.OpenRagged(path);
        var name = Path.GetFileName(path);
        if (csv.Header is [] or [""])
        {
            throw new InvalidDataException($"{name} is empty: a truth file needs a header (source,record_id,person_id or source_a,record_id_a,source_b,record_id_b[,is_match])");
        }

        var header = csv.Header.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (header is ["source", "record_id", "person_id", ..])
        {
            var person = new Dictionary<(string, string), string>();
            var firstLine = new Dictionary<(string, string), long>();
            while (csv.Read(cancellationToken))
            {
                Expect(csv, 3, name);
                var record = (csv[0].ToString(), csv[1].ToString());
                var id = csv[2].ToString();
                if (person.TryGetValue(record, out var earlier) && !string.Equals(earlier, id, StringComparison.Ordinal))
                {
                    // One line or the other is wrong, and which would be a guess that moves every figure.
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{name}: line {csv.Line}: the record of line {firstLine[record]} again, with another person_id"));
                }

                person[record] = id;
                firstLine.TryAdd(record, csv.Line);
            }

            return person.Count > 0 ? new TruthFile(person, null) : throw NoRows(name);
        }

        if (header is ["source_a", "record_id_a", "source_b", "record_id_b", ..])
        {
            var labelled = header.Length > 4 && header[4] == "is_match";
            if (header.Length > 4 && !labelled)
            {
                // Labels under another name would be ignored, and every pair, the non-matches too, taken for a match.
                throw new InvalidDataException($"{name}: line 1: the column after record_id_b is is_match (1 or 0) or none");
            }

            var pairs = new List<LabelledPair>();
            var firstLine = new Dictionary<((string, string), (string, string)), (bool IsMatch, long Line)>();
            while (csv.Read(cancellationToken))
            {
                Expect(csv, labelled ? 5 : 4, name);
                if (csv[0].SequenceEqual(csv[2]) && csv[1].SequenceEqual(csv[3]))
                {
                    // Always "linked", it would count for the run whatever the run did.
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{name}: line {csv.Line}: a record paired with itself"));
                }

                var pair = new LabelledPair((csv[0].ToString(), csv[1].ToString()), (csv[2].ToString(), csv[3].ToString()), !labelled || IsMatch(csv[4].ToString(), name, csv.Line));

                // A pair is one judgement whichever record comes first. Labelled twice alike (two reviewers' files
                // joined), it was counted twice; labelled both ways, one line is wrong, and which would be a guess.
                var aFirst = string.CompareOrdinal(pair.A.Source, pair.B.Source) is var bySource and not 0 ? bySource < 0 : string.CompareOrdinal(pair.A.Id, pair.B.Id) < 0;
                var key = aFirst ? (pair.A, pair.B) : (pair.B, pair.A);
                if (firstLine.TryGetValue(key, out var earlier))
                {
                    if (earlier.IsMatch != pair.IsMatch)
                    {
                        throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{name}: line {csv.Line}: the pair of line {earlier.Line} again, with another is_match"));
                    }

                    continue;
                }

                firstLine[key] = (pair.IsMatch, csv.Line);
                pairs.Add(pair);
            }

            if (pairs.Count == 0)
            {
                throw NoRows(name);
            }

            return labelled ? new TruthFile(null, pairs) : new TruthFile(People(pairs), null);
        }

        throw new InvalidDataException($"{name}: line 1: the header is neither source,record_id,person_id nor source_a,record_id_a,source_b,record_id_b[,is_match]");
    }

    /// <summary>True pairs joined into people (a record's person is the smallest record of its group).</summary>
    private static Dictionary<(string, string), string> People(List<LabelledPair> pairs)
    {
        var parent = new Dictionary<(string, string), (string, string)>();
        (string, string) Find((string, string) x)
        {
            while (parent.TryGetValue(x, out var p) && p != x)
            {
                parent[x] = parent.GetValueOrDefault(p, p);
                x = p;
            }

            return x;
        }

        foreach (var pair in pairs)
        {
            parent.TryAdd(pair.A, pair.A);
            parent.TryAdd(pair.B, pair.B);
            var (ra, rb) = (Find(pair.A), Find(pair.B));
            if (ra != rb)
            {
                parent[rb] = ra;
            }
        }

        var ids = new Dictionary<(string, string), string>();
        var person = new Dictionary<(string, string), string>();
        foreach (var record in parent.Keys.ToList())
        {
            var root = Find(record);
            if (!ids.TryGetValue(root, out var id))
            {
                ids[root] = id = ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            person[record] = id;
        }

        return person;
    }

    private static bool IsMatch(string value, string name, long line) => value.Trim().ToLowerInvariant() switch
    {
        "1" or "true" or "yes" or "y" or "match" => true,
        "0" or "false" or "no" or "n" or "non-match" or "" => false,
        _ => throw new InvalidDataException($"{name}: line {line}: is_match must be 1 or 0 (true or false)"),
    };

    // Precision and recall over nothing would read as perfect.
    private static InvalidDataException NoRows(string name) => new($"{name} has a header and no rows: there is nothing to evaluate against");

    private static void Expect(OwnCsv csv, int count, string name)
    {
        if (csv.FieldCount < count)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{name}: line {csv.Line}: {csv.FieldCount} fields where this form of truth file has {count}"));
        }
    }
}

/// <summary>Two records and whether they are the same person.</summary>
internal readonly record struct LabelledPair((string Source, string Id) A, (string Source, string Id) B, bool IsMatch);
