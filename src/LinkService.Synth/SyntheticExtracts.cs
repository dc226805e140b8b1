using System.Globalization;
using LinkService.Configuration;
using LinkService.Configuration.Sources;
using LinkService.Synth.Departments;
using LinkService.Synth.Names;
using LinkService.Synth.Population;
using LinkService.Synth.Randomness;
using LinkService.Synth.Writing;

namespace LinkService.Synth;

/// <summary>
/// Writes synthetic extracts for every configured source, describing one synthetic population with
/// each department's realistic differences, plus <c>truth.csv</c> (source,record_id,person_id,variations):
/// <c>&lt;out&gt;/&lt;source&gt;/&lt;file matching its pattern&gt;</c>. Sources are written in parallel, each
/// from its own random streams, so the output depends only on the configuration and the options.
/// </summary>
public static class SyntheticExtracts
{
    public const string TruthFileName = "truth.csv";

    /// <summary>
    /// truth.csv's columns: the record, the person it describes (records of one person share it, within
    /// a source as across sources), and the ways the record departs from that person (names joined by
    /// <c>;</c>, empty when none; see the synth README).
    /// </summary>
    private static readonly byte[] TruthHeader = "source,record_id,person_id,variations\r\n"u8.ToArray();

    public static async Task<SynthResult> WriteAsync(ConfigCatalog catalog, string outDirectory, SynthOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrEmpty(outDirectory);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate(catalog);
        if (problems.Count > 0)
        {
            throw new ArgumentException("The synthetic data options cannot be used: " + string.Join("; ", problems), nameof(options));
        }

        var seed = SplitMix.Mix((ulong)(uint)options.Seed);
        var extractDate = ExtractDate(seed);
        var sources = catalog.Sources.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var plan = PopulationPlan.Create(seed, options.People, [.. sources.Select(s => (s.Name, DepartmentProfiles.For(s.Name), Records(options, s.Name)))]);
        var names = NameTables.Instance;
        var people = new PersonFactory(plan, extractDate, names, nextMonth: options.SecondMonth);
        (PopulationPlan Plan, PersonFactory People)? newcomers = options.SecondMonth ? NewcomersOf(seed, options.People, sources, extractDate, names) : null;
        var root = Path.GetFullPath(outDirectory);
        Directory.CreateDirectory(root);

        var truthParts = sources.SelectMany(s => new[] { Path.Combine(root, $".{s.Name}.truth.part"), Path.Combine(root, $".{s.Name}.new.truth.part") }).ToList();
        try
        {
            var writes = sources.Select((source, i) => Task.Run(
                async () =>
                {
                    var file = await WriteSourceAsync(source, plan.Sources[i], people, names, extractDate, options.SecondMonth ? extractDate.AddMonths(1) : extractDate, root, truthParts[2 * i], cancellationToken);
                    return newcomers is null ? file : await AppendNewcomersAsync(file, source, plan.Sources[i], newcomers.Value, names, extractDate, truthParts[(2 * i) + 1], cancellationToken);
                },
                cancellationToken));
            var files = await Task.WhenAll(writes);

            var truthPath = Path.Combine(root, TruthFileName);
            await MergeTruthAsync(truthPath, [.. truthParts.Where(File.Exists)], cancellationToken);
            var everyone = options.People + (int)(newcomers?.Plan.People ?? 0);
            return new SynthResult(files, truthPath, everyone, options.SecondMonth ? extractDate.AddMonths(1) : extractDate);
        }
        finally
        {
            foreach (var part in truthParts.Where(File.Exists))
            {
                File.Delete(part);
            }
        }
    }

    /// <summary>
    /// The name of a source's extract for an extract date: the pattern's <c>*</c> becomes yyyyMMdd and
    /// its <c>?</c>s the digits of that date in turn (<c>claims_????.csv</c> gives <c>claims_2025.csv</c>).
    /// </summary>
    public static string FileNameFor(SourceDefinition source, DateOnly extractDate)
    {
        ArgumentNullException.ThrowIfNull(source);
        var date = extractDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var next = 0;
        var name = string.Concat(source.FilePattern.Select(ch => ch switch
        {
            '*' => date,
            '?' => date[next++ % date.Length].ToString(),
            _ => ch.ToString(),
        }));
        return source.MatchesFileName(name)
            ? name
            : throw new InvalidOperationException($"Source '{source.Name}': no file name matching its pattern could be made.");
    }

    /// <summary>The date the extracts are "as of", from the seed: within 2024–2026, never the clock.</summary>
    private static DateOnly ExtractDate(ulong seed) =>
        new DateOnly(2024, 1, 1).AddDays((int)(SplitMix.Combine(seed, SplitMix.Hash("extract-date")) % (3 * 365)));

    private static long? Records(SynthOptions options, string source) =>
        options.RecordsPerSource is { } counts && counts.TryGetValue(source, out var n) ? n : null;

    private static async Task<SynthFile> WriteSourceAsync(
        SourceDefinition source, SourcePlan plan, PersonFactory people, NameTables names, DateOnly extractDate, DateOnly fileDate, string root, string truthPart, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, source.Name);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileNameFor(source, fileDate));
        var records = await new ExtractWriter(source, plan, people, names, extractDate).WriteAsync(path, truthPart, cancellationToken);
        return new SynthFile(source.Name, path, records, new FileInfo(path).Length);
    }

    /// <summary>The second month's new people: a population of their own, numbered (in truth) after the first month's.</summary>
    private static (PopulationPlan Plan, PersonFactory People) NewcomersOf(ulong seed, int people, IReadOnlyList<SourceDefinition> sources, DateOnly extractDate, NameTables names)
    {
        var plan = PopulationPlan.Create(
            SplitMix.Combine(seed, SplitMix.Hash("next-month-people")),
            NextMonth.NewPeople(people),
            [.. sources.Select(s => (s.Name, DepartmentProfiles.For(s.Name), (long?)null))]);
        return (plan, new PersonFactory(plan, extractDate, names, idOffset: people));
    }

    /// <summary>Appends the new people's records to a source's extract, keyed on from its last record.</summary>
    private static async Task<SynthFile> AppendNewcomersAsync(
        SynthFile file, SourceDefinition source, SourcePlan firstMonth, (PopulationPlan Plan, PersonFactory People) newcomers, NameTables names, DateOnly extractDate, string truthPart, CancellationToken cancellationToken)
    {
        var plan = newcomers.Plan.Sources.Single(s => s.Name == source.Name);
        var added = await new ExtractWriter(source, plan, newcomers.People, names, extractDate, keyPlan: firstMonth).WriteAsync(file.Path, truthPart, cancellationToken, firstIndex: file.Records);
        return file with { Records = file.Records + added, Bytes = new FileInfo(file.Path).Length };
    }

    private static async Task MergeTruthAsync(string truthPath, IReadOnlyList<string> parts, CancellationToken cancellationToken)
    {
        await using (var truth = new FileStream(truthPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, useAsync: true))
        {
            await truth.WriteAsync(TruthHeader, cancellationToken);
            foreach (var part in parts)
            {
                await using var input = new FileStream(part, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
                await input.CopyToAsync(truth, cancellationToken);
            }
        }
    }
}
