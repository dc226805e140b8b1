namespace LinkService.Outputs.Stages;

/// <summary>
/// The check stage: builds the project's aggregate tables from the de-identified files, applies the disclosure
/// rules (cell threshold, zeros, dominance, p-ratio, rounding) and k-anonymity's figures, writes the tables and the
/// disclosure report (JSON and text) into <c>outputFolder</c>, and returns the verdict.
/// </summary>
public interface IDisclosureChecker
{
    Task<DisclosureReport> CheckAsync(OutputRequest request, AnonymisedOutput output, string outputFolder, CancellationToken cancellationToken);
}
