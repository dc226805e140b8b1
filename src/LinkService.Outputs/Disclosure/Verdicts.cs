using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Disclosure;

/// <summary>The verdict of many findings: the worst of them (pass when there are none).</summary>
internal static class Verdicts
{
    public static DisclosureVerdict Worst(IEnumerable<DisclosureFinding> findings) =>
        findings.Select(f => f.Verdict).DefaultIfEmpty(DisclosureVerdict.Pass).Max();
}
