using System.Diagnostics;
using LinkService.Configuration.Projects;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Linkage.Blocking;
using LinkService.Linkage.Clustering;
using LinkService.Linkage.Comparison;
using LinkService.Linkage.Data;
using LinkService.Linkage.Model;
using LinkService.Linkage.Progress;

namespace LinkService.Linkage.Engine;

/// <summary>
/// The engine core, free of files: block → u from random pairs → compare (EM counts) → train → score →
/// cluster. Tests and benchmarks feed it directly; the runner feeds it deliveries.
/// </summary>
internal static class LinkageEngine
{

    public static LinkageOutcome Run(LinkageSpec spec, LinkageMode mode, RecordTable table, int[]? truth, CancellationToken cancellationToken, ProgressTracker? progress = null)
    {
        progress ??= ProgressTracker.None;
        var timings = new List<StageTiming>();
        var clock = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        void Stage(string name)
        {
            var now = Environment.CpuUsage.TotalTime;
            timings.Add(new StageTiming(name, clock.Elapsed, now - cpu));
            cpu = now;
            clock.Restart();
        }

        var blocking = progress.Begin("blocking", "rules", spec.Blocking.Count);
        // The rules' keys and the comparer's rows are read apart, much of it one value or one record at a time: side by side.
        var rules = new CompiledRule[spec.Blocking.Count];
        PairComparer? compared = null;
        Parallel.Invoke(
            new ParallelOptions { CancellationToken = cancellationToken },
            () => Parallel.For(0, rules.Length, Workers.Options(cancellationToken), r => rules[r] = new CompiledRule(r, spec.Blocking[r], table)),
            () => compared = new PairComparer(spec.Comparisons, table));
        var comparer = compared!;
        var blocks = new RuleBlocks[rules.Length];
        // A worker builds its next rule in the arrays of its last: as many of them as workers, one a core.
        var scratches = new System.Collections.Concurrent.ConcurrentBag<BlockScratch>();
        Parallel.For(0, rules.Length, Workers.Options(cancellationToken), r =>
        {
            var scratch = scratches.TryTake(out var free) ? free : new BlockScratch(table.Count);
            blocks[r] = RuleBlocks.Build(rules[r], table, mode, scratch);
            scratches.Add(scratch);
            blocking.Advance(1);
        });
        scratches.Clear();
        var hashes = new RuleHashes(blocks, table.Count);
        Stage("blocking");

        var sampler = new RandomPairSampler(table, mode);
        var sampling = progress.Begin("u from random pairs", "pairs", spec.Training.RandomPairs);
        var u = UEstimator.Run(comparer, table, mode, spec.Training.RandomPairs, spec.Training.Seed, cancellationToken, sampling);
        Stage("u from random pairs");

        var sample = TrainingSample.For(blocks, table.Source, mode, spec.Training.CandidatePairs, spec.Training.Seed);
        var training = new TrainingVisitor(comparer, rules, hashes, table.Source, sample);
        var candidates = PairEnumerator.CandidatePairs(blocks);
        PairEnumerator.Run<TrainingVisitor.Pass, TrainingVisitor.Local>(rules, hashes, blocks, table, mode, training.AsPass(), cancellationToken, progress.Begin("compare (training pass)", "candidate pairs", candidates));
        Stage("compare (training pass)");

        progress.Begin("EM");
        var trained = ModelTrainer.Train(training.Patterns, u.U, u.BySourcePair, rules, comparer, sampler.PairsBySourcePair, spec.Training.MaxIterations, spec.Training.Tolerance);
        // model.json's evidence is what a level's m rests on: the matches the sample held, not the pairs they stand for.
        trained = trained with { MatchEvidence = [.. trained.MatchEvidence.Select(levels => levels.Select(e => e * sample.Rate).ToArray())] };
        Stage("EM");

        var best = new float[table.Count];
        var scorer = new PairScorer(trained.Model, comparer, table.Source);
        var scoring = new ScoringVisitor(comparer, scorer, spec.Thresholds.Review, best, rules.Length);
        PairEnumerator.Run<ScoringVisitor.Pass, ScoringVisitor.Local>(rules, hashes, blocks, table, mode, scoring.AsPass(), cancellationToken, progress.Begin("compare and score", "candidate pairs", candidates));
        // Every candidate pair has been visited: of the blocks only their figures are wanted, and the stages after build
        // in their memory (0.14 GB at 1M × 3M), where fresh pages cost the kernel's clearing (1-2 s of CPU a GiB on a
        // virtual machine) and raised the run's peak.
        var skipped = Array.ConvertAll(blocks, b => (b.SkippedBlocks, b.SkippedRecords));
        Array.Clear(blocks);
        Stage("compare and score");

        // Against a truth (tests, benchmarks), each rule's true pairs are counted while the rules' hashes are still held.
        if (truth is not null)
        {
            scoring.Rules.CountTruePairs(hashes, truth, table.Source, mode);
            Stage("true pairs per rule");
        }

        progress.Begin("cluster");
        scoring.SortByRecord();
        var trainedModel = trained.Model;
        // The graph is laid on one core while the other reads the kept pairs for their sum and the sources' partner shares.
        var (graph, (scored, keptSum)) = Workers.Both(
            () => CandidateGraph.Of(scoring.Kept, table),
            () => (PartnerShares.Estimate(scoring.Kept, table), scoring.Kept.Sum(p => (double)p.Probability)));
        var underFloor = ScoringVisitor.FromFixed(scoring.ProbabilitySum - scoring.TailProbabilitySum) - keptSum;
        var (model, shares, kept) = DecidedPriors.Settle(trainedModel, graph, scored, scoring.Kept, table, sampler.PairsBySourcePair, m =>
        {
            var refined = scorer.WithPriors(m);
            return (a, b) => refined.Weight(a, b, comparer.Pattern(a, b));
        });
        trained = trained with { Model = model, ExpectedMatches = kept.Sum(p => (double)p.Probability) };
        scorer = scorer.WithPriors(model);
        var (links, review) = Workers.Beside(() => SplitLinks(kept, table.Source, spec.Thresholds), () => BestDecided(kept, best));
        var (entity, entities, accepted) = EntityClusterer.Cluster(table, links, spec.Clustering.OneToOne);
        Stage("cluster");

        var joined = EntityPairs.Score(table, entity, mode, scorer, comparer, accepted, hashes);
        // No pair is asked about after the entities' own: the error estimates build in the hashes' memory.
        hashes.Release();

        progress.Begin("matches outside blocks");
        // The matches the entities did not join: the kept pairs and the tail as the candidate decision leaves them (five
        // equally good candidates of one record are one expected match between them, not five, and a weak pair of an
        // offender whose own claim is a candidate is next to none), and the pairs under the tail's floor at their own
        // (tiny) probabilities. A pair the entities join counts in `joined` (as sure as its best path), not here again.
        // The tail moves to the settled prior in place: after this only its pairs are read, and a copy was a tail's
        // worth of memory at the run's peak.
        foreach (ref var p in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scoring.Tail))
        {
            var pair = SourcePairs.Of(table.Source[p.A], table.Source[p.B]);
            p = p with { Weight = (float)(p.Weight + model.PriorWeightOf(pair) - trainedModel.PriorWeightOf(pair)) };
        }

        var tail = CandidateDecision.DecideTail(scoring.Tail, graph, entity, shares, cancellationToken);
        // Pairs under the tail's floor are scored at the training's prior; their (tiny) probabilities scale with its odds.
        underFloor *= Math.Pow(2, model.PriorWeight - trainedModel.PriorWeight);
        var missedInBlocks = MissedSum(kept, entity) + MissedSum(scoring.Tail, tail, entity) + Math.Max(0, underFloor);
        var caught = Caught(kept, scoring.Tail, tail);
        var estimates = ErrorEstimates.From((joined.ExpectedTrue, joined.JoinedOutsideBlocks), missedInBlocks, OutsideBlocks.ExpectedMatches(rules, caught, table.Source));
        Stage("matches outside blocks");

        var quality = Figures(table, mode, rules, skipped, scoring, accepted, review.Count, entity, entities, trained, truth, estimates, (joined.Pairs, joined.ExpectedTrue));
        return new LinkageOutcome(table, entity, best, accepted, review, trained.Model, trained, u.Counts, quality, timings, scorer);
    }

    /// <summary>A record with kept pairs gets the best of their decided probabilities (links.csv's match_probability); the others keep their best as scored.</summary>
    private static void BestDecided(List<ScoredPair> decided, float[] best)
    {
        foreach (var pair in decided)
        {
            best[pair.A] = best[pair.B] = 0;
        }

        foreach (var pair in decided)
        {
            best[pair.A] = Math.Max(best[pair.A], pair.Probability);
            best[pair.B] = Math.Max(best[pair.B], pair.Probability);
        }
    }

    /// <summary>The decided probabilities of the kept pairs the entities do not join, summed in the pairs' order.</summary>
    private static double MissedSum(List<ScoredPair> kept, int[] entity)
    {
        var sum = 0.0;
        foreach (var p in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(kept))
        {
            sum += entity[p.A] != entity[p.B] ? p.Probability : 0;
        }

        return sum;
    }

    /// <summary>The decided probabilities of the tail's pairs the entities do not join, summed in the pairs' order.</summary>
    private static double MissedSum(List<TailPair> pairs, float[] decided, int[] entity)
    {
        var sum = 0.0;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pairs);
        for (var i = 0; i < span.Length; i++)
        {
            sum += entity[span[i].A] != entity[span[i].B] ? decided[i] : 0;
        }

        return sum;
    }

    /// <summary>The kept pairs and the tail, each with its decided probability, in that order.</summary>
    private static List<(int A, int B, double Weight)> Caught(List<ScoredPair> kept, List<TailPair> tailPairs, float[] tail)
    {
        var caught = new List<(int A, int B, double Weight)>(kept.Count + tailPairs.Count);
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(caught, kept.Count + tailPairs.Count);
        var into = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(caught);
        var fromKept = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(kept);
        var fromTail = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tailPairs);
        for (var i = 0; i < fromKept.Length; i++)
        {
            into[i] = (fromKept[i].A, fromKept[i].B, fromKept[i].Probability);
        }

        for (var i = 0; i < fromTail.Length; i++)
        {
            into[fromKept.Length + i] = (fromTail[i].A, fromTail[i].B, tail[i]);
        }

        return caught;
    }

    /// <summary>The kept pairs that are links (at or above the match threshold of their kind of pair), and those for review (at or above the review threshold); the rest are neither.</summary>
    public static (List<ScoredPair> Links, List<ScoredPair> Review) SplitLinks(List<ScoredPair> kept, byte[] source, ThresholdSpec thresholds)
    {
        var links = new List<ScoredPair>(kept.Count);
        var review = new List<ScoredPair>();
        foreach (var pair in kept)
        {
            if (pair.Probability >= thresholds.MatchFor(source[pair.A] == source[pair.B]))
            {
                links.Add(pair);
            }
            else if (pair.Probability >= thresholds.Review)
            {
                review.Add(pair);
            }
        }

        return (links, review);
    }

    private static LinkageQuality Figures(
        RecordTable table, LinkageMode mode, CompiledRule[] rules, (long Blocks, long Records)[] skipped, ScoringVisitor scoring,
        List<ScoredPair> links, int reviewPairs, int[] entity, int entities, ModelTrainer.Outcome trained, int[]? truth, ErrorEstimates estimates, (long Pairs, double ExpectedTrue) joined)
    {
        long truePairs = 0;
        if (truth is not null)
        {
            truePairs = PairwiseScore.CountTruePairs(table, truth, mode);
        }

        var ruleFigures = rules.Select((r, i) => new BlockingRuleFigures(
            r.Name, scoring.Rules.PairsOwned[i], skipped[i].Blocks, skipped[i].Records,
            truth is null || truePairs == 0 ? null : scoring.Rules.TrueInRule[i] / (double)truePairs)).ToList();

        var sourceCount = table.SourceNames.Count;
        // Per entity, the sources it has records in: an array by entity number, where a dictionary of millions took half a second.
        var entitySources = new int[entity.Length == 0 ? 0 : entity.Max() + 1];
        for (var i = 0; i < table.Count; i++)
        {
            entitySources[entity[i]] |= 1 << Math.Min((int)table.Source[i], 30);
        }

        var matchRates = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var s = 0; s < sourceCount; s++)
        {
            var size = table.SourceSize(s);
            var linked = 0;
            for (var i = table.SourceStart[s]; i < table.SourceStart[s + 1]; i++)
            {
                linked += (entitySources[entity[i]] & ~(1 << s)) != 0 ? 1 : 0;
            }

            matchRates[table.SourceNames[s]] = size == 0 ? 0 : Math.Round(linked / (double)size, 6);
        }

        var bins = scoring.Histogram
            .Select((n, i) => new WeightBin(ScoringVisitor.HistogramLow + i, ScoringVisitor.HistogramLow + i + 1, n))
            .Where(b => b.Pairs > 0).ToList();
        return new LinkageQuality
        {
            RecordsPerSource = Enumerable.Range(0, sourceCount).ToDictionary(s => table.SourceNames[s], table.SourceSize, StringComparer.Ordinal),
            PairsCompared = scoring.Pairs,
            BlockingRules = ruleFigures,
            BlockingRecall = truth is null || truePairs == 0 ? null : scoring.Rules.TrueOwned.Sum() / (double)truePairs,
            Links = links.Count,
            ReviewPairs = reviewPairs,
            Entities = entities,
            MatchRatePerSource = matchRates,
            WeightDistribution = bins,
            // Over the pairs the entities join (as precision counts them), not only the links: clustering joins more.
            EstimatedFalseLinkRate = joined.Pairs == 0 ? 0 : Math.Round(Math.Max(0, 1 - (joined.ExpectedTrue / joined.Pairs)), 6),

            EstimatedMissedLinkRate = Math.Round(estimates.MissedLinkRate, 6),
            EstimatedMatchesOutsideBlocks = estimates.Outside is { } outside ? Math.Round(outside, 3) : null,
            MatchesOutsideBlocksJoined = Math.Round(estimates.OutsideJoined, 3),
            ExpectedMatches = Math.Round(estimates.Compared, 3),
        };
    }
}
