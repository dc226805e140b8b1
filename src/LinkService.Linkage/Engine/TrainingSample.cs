using LinkService.Configuration.Projects;
using LinkService.Linkage.Blocking;

namespace LinkService.Linkage.Engine;

/// <summary>
/// Which candidate pairs the training pass compares. Up to <c>training.candidatePairs</c> it compares them all (rate 1,
/// the model exactly as without sampling); beyond, each pair is taken when a hash of its two records falls under the
/// rate cap / pairs, so the same inputs give the same sample, and each pattern counted stands for 1 / rate pairs
/// (Horvitz–Thompson: pattern counts, expected matches and so the priors stay unbiased). Pairs per rule and the
/// blocking figures against truth are still counted over every pair: they cost no comparison.
/// <para>
/// Pairs are counted from the block sizes before the pass, as the pairs each rule's blocks hold for the mode; a pair
/// several rules generate counts once for each, so with overlapping rules (the default project's ten) this count runs
/// well over the pairs compared: the sample is then under the cap, never over it, and a run with fewer pairs than the
/// cap is still sampled when this count is over it. Counting exactly would take a pass of its own.
/// </para>
/// <para>
/// Why 4 million: m is a share among matches, so its error depends on the matches sampled, λ × cap for a match share λ
/// among candidate pairs. At 1M × 3M (about 25 M pairs, λ ≈ 0.035) that is about 140,000 matches: a level with m = p has
/// a standard error of √(p(1−p)/140,000), at most 0.0013, and its weight log₂(m/u) one of √((1−p)/(p × 140,000)) / ln 2:
/// 0.04 bits at p = 1 %, 0.12 bits at p = 0.1 %, small beside the several bits between the match threshold and the
/// weights of pairs near it. A sparser project (λ = 0.005) still samples 20,000 matches (0.1 bits at p = 1 %).
/// The training pass then compares 4 M pairs instead of 25 M (about 11 s of CPU to about 2 s at 1M × 3M).
/// </para>
/// </summary>
internal sealed class TrainingSample
{
    private const double TwoTo64 = 18446744073709551616.0;
    private readonly ulong _threshold;
    private readonly ulong _seed;

    private TrainingSample(double rate, int seed)
    {
        Rate = rate;
        _threshold = rate >= 1 ? ulong.MaxValue : (ulong)(rate * TwoTo64);
        _seed = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL;
    }

    /// <summary>The share of candidate pairs compared: 1 when they are no more than the cap.</summary>
    public double Rate { get; }

    public static TrainingSample For(IReadOnlyList<RuleBlocks> blocks, byte[] source, LinkageMode mode, long cap, int seed)
    {
        // A rule a worker: each reads its own blocks.
        var byRule = new long[blocks.Count];
        Parallel.For(0, blocks.Count, Data.Workers.Options(), r => byRule[r] = blocks[r].CandidatePairs(source, mode));
        var pairs = byRule.Sum();
        return new TrainingSample(pairs <= cap ? 1 : cap / (double)pairs, seed);
    }

    public bool Includes(int a, int b) => Rate >= 1 || Mix(((ulong)(uint)a << 32) | (uint)b) < _threshold;

    /// <summary>SplitMix64's finaliser: neighbouring record numbers give unrelated hashes.</summary>
    private ulong Mix(ulong key)
    {
        var z = key + _seed;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
