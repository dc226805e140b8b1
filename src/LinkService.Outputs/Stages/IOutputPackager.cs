namespace LinkService.Outputs.Stages;

/// <summary>
/// The last step before an output can be held or published: writes <c>datapackage.json</c> (every file's path,
/// bytes, sha256 and Table Schema), the data dictionary and the linkage quality report (HTML and JSON) into
/// <c>outputFolder</c>. After it, the folder is the whole output an analyst receives.
/// </summary>
public interface IOutputPackager
{
    Task PackageAsync(OutputRequest request, AnonymisedOutput output, DisclosureReport report, string outputFolder, CancellationToken cancellationToken);
}
