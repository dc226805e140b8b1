using System.Globalization;
using LinkService.Linkage.Engine;
using LinkService.Linkage.Running;

namespace LinkService.Linkage.Evaluation;

/// <summary>Pairwise precision, recall and F1 of a run's links (its private links.csv) against a truth, across sources and within them.</summary>
public sealed record RunEvaluation(PairwiseScore CrossSource, PairwiseScore WithinSource, long RecordsEvaluated, long RecordsNotInTruth, long TruthRecordsNotInRun)
{
    /// <summary>Reads the run's links.csv and the truth file and scores one against the other.</summary>
    /// <exception cref="InvalidDataException">Either file is not as expected; the message names the file's line, never a value.</exception>
    public static RunEvaluation Of(string runFolder, string truthPath, CancellationToken cancellationToken)
    {
        TruthFile truth;
        try
        {
            truth = TruthFile.Read(truthPath, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"truth file: {ex.Message}", ex);
        }

        var entity = ReadLinks(Path.Combine(runFolder, RunFiles.Links), cancellationToken);
        var evaluation = truth.Person is { } person ? AgainstPeople(entity, person) : AgainstPairs(entity, truth.Pairs!);
        if (evaluation.RecordsEvaluated == 0)
        {
            // Scores over no pairs would read as perfect: the truth is of another extract, or names its sources otherwise.
            var sources = string.Join(", ", entity.Keys.Select(r => r.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            throw new InvalidDataException(string.Create(
                CultureInfo.InvariantCulture,
                $"none of the {evaluation.TruthRecordsNotInRun} records {Path.GetFileName(truthPath)} names is in the run (its sources: {sources}); check the truth file's source names and record ids"));
        }

        return evaluation;
    }

    private static RunEvaluation AgainstPeople(Dictionary<(string Source, string Id), string> entity, Dictionary<(string Source, string Id), string> person)
    {
        var records = entity.Keys.Where(person.ContainsKey).ToList();
        var sources = new Dictionary<string, int>(StringComparer.Ordinal);
        var source = records.Select(r => sources.TryGetValue(r.Source, out var s) ? s : sources[r.Source] = sources.Count).ToArray();
        var entityIds = Ids(records.Select(r => entity[r]));
        var personIds = Ids(records.Select(r => person[r]));
        var predicted = PairCounts.Within(source, i => entityIds[i]);
        var truePairs = PairCounts.Within(source, i => personIds[i]);
        var correct = PairCounts.Within(source, i => ((long)entityIds[i] << 32) | (uint)personIds[i]);
        return new RunEvaluation(
            new PairwiseScore(truePairs.Cross, predicted.Cross, correct.Cross),
            new PairwiseScore(truePairs.Within, predicted.Within, correct.Within),
            records.Count,
            entity.Count - records.Count,
            person.Keys.Count(r => !entity.ContainsKey(r)));
    }

    private static RunEvaluation AgainstPairs(Dictionary<(string Source, string Id), string> entity, List<LabelledPair> pairs)
    {
        // Precision and recall among the labelled pairs only: a pair nobody judged is neither right nor wrong.
        long[] truePairs = [0, 0], predicted = [0, 0], correct = [0, 0];
        var named = new HashSet<(string, string)>();
        long missing = 0;
        foreach (var pair in pairs)
        {
            named.Add(pair.A);
            named.Add(pair.B);
            if (!entity.TryGetValue(pair.A, out var ea) || !entity.TryGetValue(pair.B, out var eb))
            {
                missing++;
                continue;
            }

            var k = string.Equals(pair.A.Source, pair.B.Source, StringComparison.Ordinal) ? 1 : 0;
            var linked = string.Equals(ea, eb, StringComparison.Ordinal);
            truePairs[k] += pair.IsMatch ? 1 : 0;
            predicted[k] += linked ? 1 : 0;
            correct[k] += linked && pair.IsMatch ? 1 : 0;
        }

        // The run's records no pair names are as much outside the truth as in a truth file that leaves them out.
        var evaluated = named.Count(entity.ContainsKey);
        return new RunEvaluation(
            new PairwiseScore(truePairs[0], predicted[0], correct[0]),
            new PairwiseScore(truePairs[1], predicted[1], correct[1]),
            evaluated,
            entity.Count - evaluated,
            named.Count - evaluated);
    }

    private static Dictionary<(string Source, string Id), string> ReadLinks(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"the run has no {RunFiles.Links}");
        }

        using var csv = OwnCsv.OpenRagged(path);
        if (csv.Header is not ["source", "record_id", "entity_id", ..])
        {
            throw new InvalidDataException($"{RunFiles.Links} line 1: the header does not start source,record_id,entity_id");
        }

        var entity = new Dictionary<(string, string), string>();
        while (csv.Read(cancellationToken))
        {
            if (csv.FieldCount < 3)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{RunFiles.Links} line {csv.Line}: {csv.FieldCount} fields where at least 3 are expected"));
            }

            entity[(csv[0].ToString(), csv[1].ToString())] = csv[2].ToString();
        }

        return entity;
    }

    private static int[] Ids(IEnumerable<string> values)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. values.Select(v => ids.TryGetValue(v, out var id) ? id : ids[v] = ids.Count)];
    }
}
