using LinkService.Outputs.Stages;
using Microsoft.Extensions.Logging;

namespace LinkService.Outputs.Disclosure;

/// <summary>
/// The check stage: k-anonymity's figures of each record file, then each configured aggregate table built, checked
/// and (unless it fails) released; the report written beside them. Deterministic, so a resumed run redoes it.
/// </summary>
internal sealed class DisclosureChecker(ILogger<DisclosureChecker> logger, TimeProvider time) : IDisclosureChecker
{
    public async Task<DisclosureReport> CheckAsync(OutputRequest request, AnonymisedOutput output, string outputFolder, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var outputs = request.Project.Outputs;
        var specs = outputs?.Tables ?? [];
        Log.CheckStarted(logger, request.Project.Name, request.RunId, output.Files.Count, specs.Count);

        var checking = request.Progress.Begin("disclosure check", "tables", specs.Count);
        var findings = output.Files.Select(KAnonymityFindings.Of).ToList();
        var tables = new List<OutputTable>();
        // Each table reads its own file and writes its own: they are built side by side, and reported in order.
        var releases = specs.Select(spec => Task.Run(() => TableRelease.RunAsync(spec, outputs!, output, outputFolder, cancellationToken), cancellationToken)).ToList();
        await ((Task)Task.WhenAll(releases)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var (spec, release) in specs.Zip(releases))
        {
            var (outcome, released) = await release;
            findings.AddRange(outcome.Findings);
            if (released is not null)
            {
                tables.Add(released);
            }

            Log.TableChecked(logger, spec.Name, outcome.Verdict, outcome.Values.Count, outcome.Suppressed, released is not null);
            checking.Advance(1);
        }

        var report = new DisclosureReport(Verdicts.Worst(findings), findings, tables);
        await ReportWriter.WriteAsync(ReportDocument.Of(request, report), outputFolder, cancellationToken);
        var milliseconds = (long)time.GetElapsedTime(started).TotalMilliseconds;
        Log.CheckCompleted(logger, request.Project.Name, request.RunId, report.Verdict, findings.Count, milliseconds);
        return report;
    }
}
