namespace LinkService.Linkage.Model;

/// <summary>A distinct comparison pattern, the rules that would generate it (bit per rule), how many pairs had it, and between which sources (<see cref="SourcePairs"/>).</summary>
internal readonly record struct PatternCount(ulong Pattern, uint RuleMask, long Count, int SourcePair = 0);
