using LinkService.Configuration.Projects.Outputs;
using LinkService.Linkage.Running;
using LinkService.Outputs.Persons;
using LinkService.Outputs.Pseudonyms;
using LinkService.Outputs.Stages;
using LinkService.Outputs.Transforms;
using Microsoft.Extensions.Logging;

namespace LinkService.Outputs.Anonymising;

/// <summary>
/// The anonymise stage: assigns person pseudonyms (carried forward from the previous run's person map), writes this
/// run's person map into the run folder, then one de-identified file per configured output file. Writes the same
/// bytes for the same request, so a resumed run simply does it again.
/// </summary>
/// <remarks>
/// Both cores are kept busy: each source's deliveries are read while the linkage map is, the persons' and records'
/// pseudonyms are made on every core, and the person map and each file are written as soon as what they need is
/// there. The stage returns when all are written.
/// </remarks>
internal sealed class Anonymiser(ILogger<Anonymiser> logger) : IAnonymiser
{
    public async Task<AnonymisedOutput> AnonymiseAsync(OutputRequest request, string outputFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var project = request.Project.Name;
        var pseudonyms = new Pseudonymiser(request.ProjectKey);
        var reading = request.Progress.Begin("anonymise", "records", null);
        Directory.CreateDirectory(outputFolder);
        var specs = request.Project.Outputs?.Files ?? [];
        var files = specs.Select(spec => FileOf(spec, request)).ToList();
        // A thread each, not the pool's: they read for seconds, and the pool's threads are the pseudonyms' meanwhile.
        var rows = files.Select((f, i) => Task.Factory.StartNew(
            () => RecordFileRows.Read(f.Plans, f.Inputs, reading, a => Log.ColumnAbsent(logger, request.RunId, a.OutputColumn, specs[i].OutputFileName, a.Rows, a.DeliveryId, a.Field), cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToList();
        List<Task> writing = [.. rows];
        var written = new List<Task<WrittenRecords>>();
        try
        {
            var records = LinksFile.Read(request, cancellationToken);
            var persons = CarryForward.Assign(records, Previous(request, records, cancellationToken), pseudonyms, cancellationToken);
            Log.PersonsAssigned(logger, request.RunId, project, persons.Carried, persons.New, persons.Retired);
            writing.Add(Task.Run(() => PersonMap.Write(request.RunFolder, records, persons, cancellationToken), cancellationToken));
            for (var i = 0; i < files.Count; i++)
            {
                var (spec, plans) = (specs[i], files[i].Plans);
                var source = records.SourceIndex(spec.Source);
                var recordPseudonyms = Task.Run(() => RecordPseudonyms.Of(records, source, pseudonyms, cancellationToken), cancellationToken);
                var read = rows[i];
                var file = WriteAsync(spec.OutputFileName, request.RunId, async () =>
                {
                    var found = (await read).Find(records, source, persons, cancellationToken);
                    return RecordFileWriter.Write(spec, plans, found, await recordPseudonyms, request.RunId, outputFolder, cancellationToken);
                });
                writing.Add(recordPseudonyms);
                writing.Add(file);
                written.Add(file);
            }
        }
        finally
        {
            // Nothing is left reading or writing behind a failure, and the first failure is the one reported.
            await Task.WhenAll(writing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await Task.WhenAll(writing);
        return AnonymisedOutput.Of(await Task.WhenAll(written));
    }

    /// <summary>The deliveries an output file is made from, and its columns' plans.</summary>
    private static (IReadOnlyList<LinkageInput> Inputs, IReadOnlyList<ColumnPlan> Plans) FileOf(OutputFileSpec spec, OutputRequest request)
    {
        var inputs = request.Inputs.Where(i => string.Equals(i.Source.Name, spec.Source, StringComparison.Ordinal)).ToList();
        var schema = inputs.Count > 0 ? inputs[0].Source.SchemaOrThrow : throw new InvalidOperationException($"Project '{request.Project.Name}' outputs source '{spec.Source}', but the run has no delivery of it.");
        return (inputs, [.. spec.Columns.Select(c => ColumnPlan.Create(c, schema))]);
    }

    private async Task<WrittenRecords> WriteAsync(string fileName, string runId, Func<Task<WrittenRecords>> write)
    {
        var written = await Task.Run(write);
        var (table, k) = (written.Table, written.Table.KAnonymity);
        Log.FileWritten(logger, fileName, runId, table.Rows, k?.ClassesBelowK ?? 0, k?.RowsSuppressed ?? 0, k?.RowsDropped ?? 0);
        return written;
    }

    private PreviousPersons? Previous(OutputRequest request, LinkedRecords records, CancellationToken cancellationToken)
    {
        if (request.PreviousRunFolder is not { } folder)
        {
            return null;
        }

        if (!File.Exists(PersonMap.PathIn(folder)))
        {
            Log.NoPreviousPersonMap(logger, request.RunId, request.Project.Name);
            return null;
        }

        return PersonMap.Read(folder, records, cancellationToken);
    }
}
