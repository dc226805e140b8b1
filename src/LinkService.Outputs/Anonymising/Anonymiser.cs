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
        PersonMap.Write(request.RunFolder, records, persons, cancellationToken);
        Log.PersonsAssigned(logger, request.RunId, project, persons.Carried, persons.New, persons.Retired);

        Directory.CreateDirectory(outputFolder);
        var tables = new List<OutputTable>();
        foreach (var spec in request.Project.Outputs?.Files ?? [])
        {
            var inputs = request.Inputs.Where(i => string.Equals(i.Source.Name, spec.Source, StringComparison.Ordinal)).ToList();
            var schema = inputs.Count > 0 ? inputs[0].Source.SchemaOrThrow : throw new InvalidOperationException($"Project '{project}' outputs source '{spec.Source}', but the run has no delivery of it.");
            var plans = spec.Columns.Select(c => ColumnPlan.Create(c, schema)).ToList();
            var source = records.SourceIndex(spec.Source);
            var total = source < 0 ? 0 : records.SourceEnd(source) - records.SourceStart(source);
            var anonymising = request.Progress.Begin($"anonymise {spec.OutputFileName}", "records", total);

            // The record pseudonyms are made on the other core while this one reads the deliveries.
            var recordPseudonyms = Task.Run(() => RecordPseudonyms.Of(records, source, pseudonyms, cancellationToken), cancellationToken);
            RecordColumns rows;
            try
            {
                rows = RecordFileRows.Read(plans, inputs, records, source, persons, anonymising, cancellationToken);
            }
            finally
            {
                // Never left running behind a failed reading.
                await ((Task)recordPseudonyms).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            var table = await RecordFileWriter.WriteAsync(spec, plans, rows, await recordPseudonyms, request.RunId, outputFolder, cancellationToken);
            tables.Add(table);
            var k = table.KAnonymity;
            Log.FileWritten(logger, table.FileName, request.RunId, table.Rows, k?.ClassesBelowK ?? 0, k?.RowsSuppressed ?? 0, k?.RowsDropped ?? 0);
        }

        return new AnonymisedOutput(tables);
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
