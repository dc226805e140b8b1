namespace LinkService.Outputs.Stages;

/// <summary>
/// The anonymise stage: one de-identified file per configured source output (person and record pseudonyms,
/// chosen content columns through their transforms, k-anonymity applied, formula-like text neutralised), written
/// into <c>outputFolder</c>, and the private person map the next run carries pseudonyms forward from, written
/// into the run folder. Deterministic: the same request writes the same bytes, so a resumed run redoes it.
/// </summary>
public interface IAnonymiser
{
    Task<AnonymisedOutput> AnonymiseAsync(OutputRequest request, string outputFolder, CancellationToken cancellationToken);
}
