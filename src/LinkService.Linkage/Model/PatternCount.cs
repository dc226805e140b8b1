namespace LinkService.Linkage.Model;

/// <summary>A distinct comparison pattern, the rules that would generate it (bit per rule), how many pairs had it (estimated, when training compared a sample), and between which sources (<see cref="SourcePairs"/>).</summary>
internal readonly record struct PatternCount(ulong Pattern, uint RuleMask, double Count, int SourcePair = 0);
