namespace LinkService.Ledger.Runs;

/// <summary>
/// What came of asking the ledger to start a run: <see cref="Started"/>, or refused because <see cref="Holder"/>
/// holds the project. <see cref="TakenOver"/> are abandoned runs of the project recorded as failed first.
/// </summary>
public sealed record RunStartResult(LinkageRun? Started, LinkageRun? Holder, IReadOnlyList<LinkageRun> TakenOver)
{
    public static RunStartResult Refused(LinkageRun holder) => new(null, holder, []);
}
