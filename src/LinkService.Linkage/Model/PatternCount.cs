namespace LinkService.Linkage.Model;

/// <summary>A distinct comparison pattern, the rules that would generate it (bit per rule) and how many pairs had it.</summary>
internal readonly record struct PatternCount(ulong Pattern, uint RuleMask, long Count);
