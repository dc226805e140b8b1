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
/// Both cores are kept busy: a delivery is read on this thread while the other makes its record pseudonyms, and the
/// person map and each file are written while the next delivery is read. The stage returns when all are written.
/// </remarks>
internal sealed class Anonymiser(ILogger<Anonymiser> logger) : IAnonymiser
{
    public async Task<AnonymisedOutput> AnonymiseAsync(OutputRequest request, string outputFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var project = request.Project.Name;
        var pseudonyms = new Pseudonymiser(request.ProjectKey);
        request.Progress.Begin("person pseudonyms");
        var records = LinksFile.Read(request.RunFolder, cancellationToken);
        var persons = CarryForward.Assign(records, Previous(request, records, cancellationToken), pseudonyms, cancellationToken);
        Log.PersonsAssigned(logger, request.RunId, project, persons.Carried, persons.New, persons.Retired);

        Directory.CreateDirectory(outputFolder);
        List<Task> writing = [Task.Run(() => PersonMap.Write(request.RunFolder, records, persons, cancellationToken), cancellationToken)];
        var files = new List<Task<OutputTable>>();
        try
        {
            foreach (var spec in request.Project.Outputs?.Files ?? [])
            {
                var inputs = request.Inputs.Where(i => string.Equals(i.Source.Name, spec.Source, StringComparison.Ordinal)).ToList();
                var schema = inputs.Count > 0 ? inputs[0].Source.SchemaOrThrow : throw new InvalidOperationException($"Project '{project}' outputs source '{spec.Source}', but the run has no delivery of it.");
                var plans = spec.Columns.Select(c => ColumnPlan.Create(c, schema)).ToList();
                var source = records.SourceIndex(spec.Source);
                var total = source < 0 ? 0 : records.SourceEnd(source) - records.SourceStart(source);
                var anonymising = request.Progress.Begin($"anonymise {spec.OutputFileName}", "records", total);
                var recordPseudonyms = Task.Run(() => RecordPseudonyms.Of(records, source, pseudonyms, cancellationToken), cancellationToken);
                writing.Add(recordPseudonyms);
                var rows = RecordFileRows.Read(plans, inputs, records, source, persons, anonymising, cancellationToken);
                var file = WriteAsync(spec.OutputFileName, request.RunId, recordPseudonyms, r => RecordFileWriter.WriteAsync(spec, plans, rows, r, request.RunId, outputFolder, cancellationToken));
                writing.Add(file);
                files.Add(file);
            }
        }
        finally
        {
            // Nothing is left writing behind a failure, and the first failure is the one reported.
            await Task.WhenAll(writing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await Task.WhenAll(writing);
        return new AnonymisedOutput(await Task.WhenAll(files));
    }

    private async Task<OutputTable> WriteAsync(string fileName, string runId, Task<RecordPseudonyms> recordPseudonyms, Func<RecordPseudonyms, Task<OutputTable>> write)
    {
        var table = await Task.Run(async () => await write(await recordPseudonyms));
        var k = table.KAnonymity;
        Log.FileWritten(logger, fileName, runId, table.Rows, k?.ClassesBelowK ?? 0, k?.RowsSuppressed ?? 0, k?.RowsDropped ?? 0);
        return table;
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
