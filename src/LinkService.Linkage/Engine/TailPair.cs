namespace LinkService.Linkage.Engine;

/// <summary>A compared pair scored under the review threshold but not far under it (<see cref="ScoringVisitor.TailFloor"/>).</summary>
internal readonly record struct TailPair(int A, int B, float Weight);
