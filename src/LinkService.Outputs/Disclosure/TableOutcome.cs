using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Disclosure;

/// <summary>
/// A checked table: its findings, and each cell's released value in the order of its cells (null where the cell is
/// suppressed or, for a mean, has no value). Released only when no finding fails.
/// </summary>
internal sealed record TableOutcome(IReadOnlyList<DisclosureFinding> Findings, IReadOnlyList<decimal?> Values, int Suppressed)
{
    public DisclosureVerdict Verdict => Verdicts.Worst(Findings);

    public bool Released => Verdict != DisclosureVerdict.Fail;
}
