using System.Globalization;
using System.Text;
using System.Text.Json;
using LinkService.Configuration.Folders;
using LinkService.Configuration.Loading;
using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Disclosure;

/// <summary>Writes the disclosure report twice: JSON for programs, Markdown for the custodian and the analyst.</summary>
internal static class ReportWriter
{
    // The configuration's conventions (camelCase, enums as 'pass' / 'review' / 'fail'); relaxed escaping keeps '%'
    // and quotes legible; never embedded in HTML.
    private static readonly JsonSerializerOptions Json = new(ConfigJson.Options) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(ReportDocument document, string outputFolder, CancellationToken cancellationToken)
    {
        await using (var stream = OwnFile.Create(Path.Combine(outputFolder, DisclosureFiles.ReportJson)))
        {
            await JsonSerializer.SerializeAsync(stream, document, Json, cancellationToken);
        }

        await using var text = new StreamWriter(OwnFile.Create(Path.Combine(outputFolder, DisclosureFiles.ReportText)), new UTF8Encoding(false));
        await text.WriteAsync(Markdown(document).AsMemory(), cancellationToken);
    }

    public static string Markdown(ReportDocument document)
    {
        var text = new StringBuilder();
        text.Append("# Disclosure report\n\n")
            .Append(CultureInfo.InvariantCulture, $"Project {document.Project}, run {document.Run}.\n\n")
            .Append(CultureInfo.InvariantCulture, $"**Verdict: {Name(document.Verdict)}** (the worst of the verdicts below).\n\n")
            .Append("| file or table | verdict |\n| --- | --- |\n");
        foreach (var subject in document.Subjects)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {Cell(subject.Subject)} | {Name(subject.Verdict)} |\n");
        }

        text.Append("\n## Findings\n\n| file or table | rule | verdict | reason |\n| --- | --- | --- | --- |\n");
        foreach (var finding in document.Findings)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {Cell(finding.Subject)} | {finding.Rule} | {Name(finding.Verdict)} | {Cell(finding.Reason)} |\n");
        }

        return text.Append('\n').Append(RuleNotes).ToString();
    }

    private static string Name(DisclosureVerdict verdict) => ConfigJson.EnumName(verdict);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private const string RuleNotes = """
        ## The rules

        - **threshold**: a cell describing fewer persons than the table's threshold is blanked (or, with suppress off, the table is not released).
        - **zeros**: a zero cell may disclose that no one in a group has a value; the custodian decides whether each is structural (impossible) or a sampling zero.
        - **dominance**: in a sum or mean, the largest contributors (persons) may hold at most the set share of the cell's total.
        - **p-ratio**: in a sum or mean, the total less the two largest contributors must be at least the set share of the largest, so that neither can estimate the other closely.
        - **rounding**: released values rounded to a base after the checks.
        - **k-anonymity**: in a record file, rows sharing their quasi-identifiers with fewer than k rows had them suppressed or were dropped.

        Suppression is primary only: a blank cell may be recoverable from other tables or the record files by difference.

        """;
}
