using System.Text;
using LinkService.Configuration;
using LinkService.Configuration.Keys;
using LinkService.Configuration.Projects;
using LinkService.Deliveries.SetAside;
using LinkService.Linkage.Running;
using LinkService.Outputs.Anonymising;
using LinkService.Outputs.Stages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LinkService.Outputs.Tests.Support;

/// <summary>
/// A linked run over a hand-written delivery of source 'alpha' (and one 'beta' record linked to it), ready to
/// anonymise: the configuration, the delivery, the run folder with its links.csv.
/// </summary>
internal sealed class SmallRun : IDisposable
{
    public static readonly byte[] Master = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];

    public const string Header = "id,forename,sex,surname,postcode,dob,benefit,start,amount,note";

    private readonly TempDirectory _dir;
    private readonly ConfigCatalog _catalog;
    private readonly string _delivery;

    public SmallRun(string outputs, string[] rows, string links, params string[] projects)
        : this(outputs, Header, rows, links, projects)
    {
    }

    /// <summary>A run whose delivery has the header <paramref name="header"/> (a column fewer than the schema, say).</summary>
    public SmallRun(string outputs, string header, string[] rows, string links, params string[] projects)
    {
        _dir = OutputsConfig.Create(outputs, projects.Length > 0 ? projects[0] : "study");
        foreach (var other in projects.Skip(1))
        {
            _dir.Write($"config/projects/{other}.json", OutputsConfig.Project(outputs));
        }

        _catalog = OutputsConfig.LoadValid(_dir);
        _delivery = _dir.Write("store/alpha_1.csv", string.Join("\n", [header, .. rows]) + "\n");
        _dir.Write("links/" + RunFiles.Links, "source,record_id,entity_id,match_probability\n" + links);
    }

    public string Root => _dir.Path;

    public ProjectDefinition Project(string name) => _catalog.Projects[name];

    /// <summary>Anonymises the run as project <paramref name="project"/>, its run folder a copy of the links under <paramref name="run"/>.</summary>
    public async Task<(AnonymisedOutput Output, string OutputFolder, string RunFolder)> AnonymiseAsync(
        string run, string project = "study", string? previousRun = null, string? links = null, ILogger<Anonymiser>? logger = null)
    {
        var runFolder = _dir.Combine("runs", run);
        Directory.CreateDirectory(runFolder);
        File.WriteAllText(Path.Combine(runFolder, RunFiles.Links), links is null ? File.ReadAllText(_dir.Combine("links", RunFiles.Links)) : "source,record_id,entity_id,match_probability\n" + links, new UTF8Encoding(false));
        var request = new OutputRequest(
            _catalog.Projects[project],
            run,
            runFolder,
            [new LinkageInput(_catalog.Sources["alpha"], "alpha-1", _delivery, SetAsideRows.None)],
            ProjectKeys.Pseudonyms(Master, project),
            previousRun is null ? null : _dir.Combine("runs", previousRun));
        var outputFolder = _dir.Combine("export", project, run);
        var output = await new Anonymiser(logger ?? NullLogger<Anonymiser>.Instance).AnonymiseAsync(request, outputFolder, CancellationToken.None);
        return (output, outputFolder, runFolder);
    }

    /// <summary>The rows of an output CSV (header first), split on commas (the test data holds no quoted cell).</summary>
    public static string[][] ReadCsv(string path) =>
        [.. File.ReadAllText(path).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(','))];

    public void Dispose() => _dir.Dispose();
}
