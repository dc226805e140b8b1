using System.CommandLine;
using System.Globalization;
using LinkService.Configuration.Folders;
using LinkService.Hosting;
using LinkService.Intake.Native;
using LinkService.Ledger;
using LinkService.Ledger.Runs;
using LinkService.Linkage.Engine;
using LinkService.Linkage.Evaluation;
using LinkService.Site;
using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Cli.Commands;

/// <summary>
/// <c>linkservice evaluate --project P [--run R] --truth FILE</c>: pairwise precision, recall and F1 of a completed run
/// (by default the project's latest) against a truth file or labelled pairs, across sources and within them. It reads
/// the run's private links.csv, so it runs on the service's host as the service account; it prints figures only.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var project = new Option<string>("--project") { Description = "The project whose run to evaluate.", Required = true };
        var run = new Option<string?>("--run") { Description = "The run (default: the project's latest completed run)." };
        var truth = new Option<FileInfo>("--truth")
        {
            Description = "source,record_id,person_id (as synth writes), or labelled pairs source_a,record_id_a,source_b,record_id_b[,is_match].",
            Required = true,
        };
        var command = new Command("evaluate", "Pairwise precision, recall and F1 of a run against known truth, across and within sources.") { project, run, truth };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (await CommandConfiguration.LoadAsync(parseResult, context) is not { } startup)
            {
                return ExitCodes.UsageOrConfiguration;
            }

            var name = parseResult.GetValue(project)!;
            if (!await CommandConfiguration.HasProjectAsync(startup, name, context))
            {
                return ExitCodes.UsageOrConfiguration;
            }

            var truthFile = parseResult.GetValue(truth)!;
            if (!truthFile.Exists)
            {
                await context.Error.WriteLineAsync(Directory.Exists(truthFile.FullName) ? $"The truth file {truthFile.FullName} is a folder, not a file." : $"There is no truth file {truthFile.FullName}.");
                return ExitCodes.UsageOrConfiguration;
            }

            if (!RegularFile.Is(truthFile.FullName))
            {
                // A link whose target was moved away exists as a link: "a pipe or a device" sent the custodian looking for one.
                await context.Error.WriteLineAsync(truthFile.LinkTarget is { } target
                    ? $"The truth file {truthFile.FullName} is a symbolic link to {target}, which is not a regular file (nothing is there, or a pipe or a device)."
                    : $"The truth file {truthFile.FullName} is not a regular file (a pipe or a device is not read).");
                return ExitCodes.UsageOrConfiguration;
            }

            using var host = ServiceHost.CreateBuilder(startup, HostPurpose.ReadOnlyCommand).Build();
            if (SiteCheck.Problem(host.Services.GetRequiredService<ServicePaths>()) is { } noSite)
            {
                await context.Error.WriteLineAsync(noSite);
                return ExitCodes.UsageOrConfiguration;
            }

            var ledger = host.Services.GetRequiredService<ILedger>();
            var paths = host.Services.GetRequiredService<ServicePaths>();
            var (chosen, problem) = await ChooseRunAsync(ledger, name, parseResult.GetValue(run), cancellationToken);
            if (chosen is null)
            {
                await context.Error.WriteLineAsync(problem);
                return ExitCodes.UsageOrConfiguration;
            }

            RunEvaluation evaluation;
            try
            {
                evaluation = await Task.Run(() => RunEvaluation.Of(paths.RunFolder(chosen.Project, chosen.Id), truthFile.FullName, cancellationToken), cancellationToken);
            }
            catch (InvalidDataException ex)
            {
                await context.Error.WriteLineAsync($"Run {chosen.Id} of project {name} could not be evaluated: {ex.Message}.");
                return ExitCodes.Problem;
            }

            await context.Out.WriteAsync(Render(chosen, evaluation));
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<(LinkageRun? Run, string Problem)> ChooseRunAsync(ILedger ledger, string project, string? runId, CancellationToken cancellationToken)
    {
        if (runId is not null)
        {
            var run = await ledger.GetRunAsync(runId, cancellationToken);
            return run is null || !string.Equals(run.Project, project, StringComparison.Ordinal)
                ? (null, $"Project {project} has no run {runId}.")
                : run.Stage >= RunStage.Linked
                    ? ((LinkageRun?)run, "")
                    : run.State == RunState.Running
                        ? (null, $"Run {runId} of project {project} is still linking: it has no links to evaluate yet.")
                        : (null, $"Run {runId} of project {project} did not complete ({run.State.ToString().ToLowerInvariant()}): it has no links to evaluate.");
        }

        var latest = (await ledger.GetRecentRunsAsync(project, 100, cancellationToken)).FirstOrDefault(r => r.Stage >= RunStage.Linked);
        return latest is null ? (null, $"Project {project} has no completed run to evaluate.") : (latest, "");
    }

    private static string Render(LinkageRun run, RunEvaluation evaluation)
    {
        var text = new System.Text.StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"run {run.Id} of project {run.Project}\n");
        text.Append(inv, $"records evaluated: {evaluation.RecordsEvaluated}; in the run but not the truth: {evaluation.RecordsNotInTruth}; in the truth but not the run: {evaluation.TruthRecordsNotInRun}\n");
        Line("cross-source", evaluation.CrossSource);
        Line("within-source", evaluation.WithinSource);
        return text.ToString();

        // Precision and recall over no pairs would print as 1.0000, a perfect linkage.
        void Line(string what, PairwiseScore score)
        {
            if (score is { TruePairs: 0, PredictedPairs: 0 })
            {
                text.Append(inv, $"{what}: no pairs to score (no true pair, none linked)\n");
                return;
            }

            text.Append(inv, $"{what}: precision {score.Precision:F4}, recall {score.Recall:F4}, F1 {score.F1:F4} (true pairs {score.TruePairs}, linked pairs {score.PredictedPairs}, correct {score.CorrectPairs})\n");
        }
    }
}
