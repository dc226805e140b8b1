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
        var clusters = await LinksFile.ReadClustersAsync(request.RunFolder, cancellationToken);
        var previous = await PreviousAsync(request, cancellationToken);
        var assignment = CarryForward.Assign(clusters, previous, pseudonyms);
        await PersonMap.WriteAsync(request.RunFolder, assignment.Persons, cancellationToken);
        Log.PersonsAssigned(logger, request.RunId, project, assignment.Carried, assignment.New, assignment.Retired);

        Directory.CreateDirectory(outputFolder);
        var tables = new List<OutputTable>();
        var recordsPerSource = assignment.Persons.Keys.CountBy(r => r.Source).ToDictionary(StringComparer.Ordinal);
        foreach (var spec in request.Project.Outputs?.Files ?? [])
        {
            var inputs = request.Inputs.Where(i => string.Equals(i.Source.Name, spec.Source, StringComparison.Ordinal)).ToList();
            var schema = inputs.Count > 0 ? inputs[0].Source.SchemaOrThrow : throw new InvalidOperationException($"Project '{project}' outputs source '{spec.Source}', but the run has no delivery of it.");
            var plans = spec.Columns.Select(c => ColumnPlan.Create(c, schema)).ToList();
            var anonymising = request.Progress.Begin($"anonymise {spec.OutputFileName}", "records", recordsPerSource.GetValueOrDefault(spec.Source));
            var rows = RecordFileRows.Read(spec, plans, inputs, assignment.Persons, pseudonyms, anonymising, cancellationToken);
            var table = await RecordFileWriter.WriteAsync(spec, plans, rows, request.RunId, outputFolder, cancellationToken);
            tables.Add(table);
            var k = table.KAnonymity;
            Log.FileWritten(logger, table.FileName, request.RunId, table.Rows, k?.ClassesBelowK ?? 0, k?.RowsSuppressed ?? 0, k?.RowsDropped ?? 0);
        }

        return new AnonymisedOutput(tables);
    }

    private async Task<Dictionary<RecordRef, string>?> PreviousAsync(OutputRequest request, CancellationToken cancellationToken)
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

        return await PersonMap.ReadAsync(folder, cancellationToken);
    }
}
