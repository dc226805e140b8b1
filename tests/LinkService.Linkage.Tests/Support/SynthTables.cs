using LinkService.Configuration;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Deliveries.SetAside;
using LinkService.Linkage.Data;
using LinkService.Linkage.Running;
using LinkService.Synth;

namespace LinkService.Linkage.Tests.Support;

/// <summary>Synthetic extracts for the configured sources, read through the runner's own reader into a record table, with each record's true person.</summary>
internal static class SynthTables
{
    public static async Task<(RecordTable Table, int[] Truth)> BuildAsync(ConfigCatalog catalog, LinkageSpec spec, string folder, SynthOptions options)
    {
        var synth = await SyntheticExtracts.WriteAsync(catalog, folder, options, CancellationToken.None);
        var sources = synth.Files
            .Select(f => SourceRecordsReader.Read(new LinkageInput(catalog.Sources[f.Source], Path.GetFileName(f.Path), f.Path, SetAsideRows.None), spec, CancellationToken.None))
            .ToList();
        var table = RecordTableBuilder.Build(spec, sources, CancellationToken.None);
        var people = new Dictionary<string, int>(StringComparer.Ordinal);
        var person = File.ReadLines(synth.TruthPath).Skip(1).Select(l => l.Split(','))
            .ToDictionary(c => (c[0], c[1]), c => people.TryGetValue(c[2], out var id) ? id : people[c[2]] = people.Count);
        var truth = new int[table.Count];
        for (var i = 0; i < table.Count; i++)
        {
            truth[i] = person[(table.SourceNames[table.Source[i]], new string(table.RecordId(i)))];
        }

        return (table, truth);
    }
}
