using System.Globalization;
using LinkService.Configuration;
using LinkService.Configuration.Schemas;
using LinkService.Deliveries.SetAside;
using LinkService.Linkage.Data;
using LinkService.Linkage.Engine;
using LinkService.Linkage.Running;
using LinkService.Synth;

namespace LinkService.Linkage.Tests.Support;

/// <summary>A person as one source recorded them; null is a blank cell.</summary>
internal sealed record Recorded(string Forenames, string? Middle, string Surname, string? Dob, string Sex, string? Postcode, string? Ni);

/// <summary>
/// The realistic synth extracts (so the model trains on the errors real extracts carry) with hand-made justice and
/// welfare records added, linked once with the default project: tests then ask what became of the hand-made pairs.
/// </summary>
public sealed class ErrorClassPopulation : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly Dictionary<string, int> _records = new(StringComparer.Ordinal);

    public ErrorClassPopulation()
    {
        var catalog = RepositoryConfig.Load();
        var project = catalog.Projects["reoffending-benefits"];
        var synth = SyntheticExtracts.WriteAsync(catalog, _temp.Path, new SynthOptions { People = 20_000, Seed = 23 }, CancellationToken.None).GetAwaiter().GetResult();
        var sources = synth.Files
            .Select(f => SourceRecordsReader.Read(new LinkageInput(catalog.Sources[f.Source], Path.GetFileName(f.Path), f.Path, SetAsideRows.None), project.Linkage, CancellationToken.None))
            .OrderBy(s => project.Sources.ToList().IndexOf(s.Name)).ToList();
        foreach (var (name, (justice, welfare)) in ErrorClassPairs.All)
        {
            Add(sources.Single(s => s.Name == "justice"), $"J-{name}", justice);
            Add(sources.Single(s => s.Name == "welfare"), $"W-{name}", welfare);
        }

        var table = RecordTableBuilder.Build(project.Linkage, sources, CancellationToken.None);
        Outcome = LinkageEngine.Run(project.Linkage, project.Mode, table, truth: null, CancellationToken.None);
        for (var i = 0; i < table.Count; i++)
        {
            var id = table.RecordId(i);
            if (id.StartsWith("J-") || id.StartsWith("W-"))
            {
                _records[new string(id)] = i;
            }
        }
    }

    internal LinkageOutcome Outcome { get; }

    /// <summary>Whether the pair's two records ended in one entity.</summary>
    public bool Linked(string pair) => Outcome.Entity[_records[$"J-{pair}"]] == Outcome.Entity[_records[$"W-{pair}"]];

    /// <summary>Whether the pair was sent to clerical review.</summary>
    public bool Reviewed(string pair)
    {
        var (a, b) = (_records[$"J-{pair}"], _records[$"W-{pair}"]);
        return Outcome.Review.Any(p => (p.A == a && p.B == b) || (p.A == b && p.B == a));
    }

    /// <summary>The pair's decided match probability and weight where it was kept (linked or reviewed), for the test output.</summary>
    public string Describe(string pair)
    {
        var (a, b) = (_records[$"J-{pair}"], _records[$"W-{pair}"]);
        var kept = Outcome.Links.Concat(Outcome.Review).Where(p => (p.A == a && p.B == b) || (p.A == b && p.B == a)).ToList();
        if (kept.Count == 0)
        {
            var around = Outcome.Links.Where(p => p.A == a || p.B == a || p.A == b || p.B == b)
                .Select(p => $"{Outcome.Table.RecordId(p.A)}~{Outcome.Table.RecordId(p.B)} w {p.Weight:F1} p {p.Probability:F3}");
            return $"{pair}: not kept; links {string.Join("; ", around)}";
        }

        var m = Outcome.Model;
        var parts = string.Join(" ", Enumerable.Range(0, m.Log2Factors.Length).Select(c => $"c{c}:L{LinkService.Linkage.Comparison.ComparisonVector.Level(kept[0].Pattern, c)}={m.Log2Factors[c][LinkService.Linkage.Comparison.ComparisonVector.Level(kept[0].Pattern, c)]:F1}"));
        return $"{pair}: weight {kept[0].Weight:F2}, probability {kept[0].Probability:F4}, at 4M records {kept[0].Weight - Math.Log2(4_000_000.0 / Outcome.Table.Count):F2}, prior {m.PriorWeight:F2} records {Outcome.Table.Count} {parts}";
    }

    public void Dispose() => _temp.Dispose();

    private static void Add(SourceRecords source, string id, Recorded person)
    {
        string? Raw(SourceField field) => field.Canonical switch
        {
            CanonicalField.Forename => person.Forenames,
            CanonicalField.MiddleNames => person.Middle,
            CanonicalField.Surname => person.Surname,
            CanonicalField.DateOfBirth => person.Dob is null ? null : DateOnly.ParseExact(person.Dob, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString(field.DateFormat ?? "yyyy-MM-dd", CultureInfo.InvariantCulture),
            CanonicalField.Sex => person.Sex,
            CanonicalField.Postcode => person.Postcode,
            CanonicalField.NationalInsuranceNumber => person.Ni,
            _ => null,
        };

        source.Add(id, [.. source.Fields.Select(Raw)]);
    }
}
