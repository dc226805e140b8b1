using LinkService.Outputs.Packaging;
using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Tests.Support;

/// <summary>
/// An output folder as the anonymise and check stages leave it: a record file per source, an aggregate table and the
/// disclosure report, with the tables those stages return.
/// </summary>
internal sealed record SomeOutput(OutputRequest Request, AnonymisedOutput Anonymised, DisclosureReport Report, string Folder)
{
    public static SomeOutput Write(TempDirectory temp, string runFolder)
    {
        var project = RepositoryConfig.Load().Projects["reoffending-benefits"];
        var folder = temp.Combine("output");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "justice.csv"), "person,record,sentence_band,release_year\nP3K9Q,R8TX2,\"1-2 years\",2023\nP7M2Z,R4WQ1,under 1 year,2024\n");
        File.WriteAllText(Path.Combine(folder, "welfare.csv"), "person,record,benefit\nP3K9Q,RZ2M8,universal credit\n");
        File.WriteAllText(Path.Combine(folder, "claims_by_year.csv"), "release_year,people\n2023,15\n2024,20\n");
        File.WriteAllText(Path.Combine(folder, OutputFiles.DisclosureReportJson), "{ \"verdict\": \"pass\" }\n");
        File.WriteAllText(Path.Combine(folder, OutputFiles.DisclosureReportText), "# Disclosure report\n\nVerdict: pass\n");

        OutputColumn[] keys = [new("person", "string", "The person's pseudonym in this project.", "HMAC-SHA256 of the linked person"), new("record", "string", "The record's pseudonym.")];
        var anonymised = new AnonymisedOutput(
        [
            new OutputTable("justice.csv", "Justice records", "One row per offender record.", [.. keys, new("sentence_band", "string", "Length of the sentence, banded."), new("release_year", "year", "Year of release.", "date to year")], 2, new KAnonymityFigures(5, ["release_year"], 1, 3, 0, 5)),
            new OutputTable("welfare.csv", "Welfare records", "One row per benefit claim.", [.. keys, new("benefit", "string", "The benefit claimed.")], 1, null),
        ]);
        var report = new DisclosureReport(DisclosureVerdict.Pass, [], [new OutputTable("claims_by_year.csv", "Claims by year", "People released each year.", [new("release_year", "year", "Year of release."), new("people", "integer", "People, rounded to base 5.")], 2, null)]);
        var request = new OutputRequest(project, "run-20260301", runFolder, [], ReadOnlyMemory<byte>.Empty, null);
        return new SomeOutput(request, anonymised, report, folder);
    }
}
