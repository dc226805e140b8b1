namespace LinkService.Linkage.Engine;

/// <summary>A compared pair kept after scoring (one the candidate decision could lift to the review threshold).</summary>
internal readonly record struct ScoredPair(int A, int B, float Weight, float Probability, ulong Pattern);
