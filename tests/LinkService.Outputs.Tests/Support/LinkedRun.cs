using System.Text.Json.Nodes;
using LinkService.Configuration;
using LinkService.Configuration.Keys;
using LinkService.Configuration.Loading;
using LinkService.Deliveries.SetAside;
using LinkService.Linkage;
using LinkService.Linkage.Running;
using LinkService.Outputs.Anonymising;
using LinkService.Outputs.Disclosure;
using LinkService.Outputs.Packaging;
using LinkService.Outputs.Stages;
using LinkService.Synth;
using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Outputs.Tests.Support;

/// <summary>
/// The whole second half of a run on real parts: the repository's project, given an <c>outputs</c> section, linked
/// on a small synthetic population, then anonymised, checked and packaged by the stages as the host composes them.
/// </summary>
internal static class LinkedRun
{
    private const string Project = "reoffending-benefits";

    private const string Outputs = """
        {
          "approval": "automatic",
          "files": [
            { "source": "justice", "columns": [
                { "column": "date_of_birth", "transform": "year-of-birth" },
                { "column": "offence_group" },
                { "column": "sentence_months", "transform": "top-code", "maximum": 120 },
                { "column": "release_date", "transform": "month" } ],
              "kAnonymity": { "quasiIdentifiers": [ "date_of_birth", "offence_group" ], "k": 5 } },
            { "source": "welfare", "columns": [
                { "column": "benefit_type" },
                { "column": "claim_start", "transform": "year" },
                { "column": "weekly_amount", "transform": "top-code", "maximum": 500 } ] }
          ],
          "tables": [ { "name": "offenders_by_offence", "from": "justice", "groupBy": [ "offence_group" ], "round": 5 } ]
        }
        """;

    public static async Task<SomeOutput> PackageAsync(TempDirectory temp, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var services = Services(clock);
        var (request, _) = await LinkAsync(temp, services, cancellationToken);
        var folder = temp.Combine("output");
        var anonymised = await services.GetRequiredService<IAnonymiser>().AnonymiseAsync(request, folder, cancellationToken);
        var report = await services.GetRequiredService<IDisclosureChecker>().CheckAsync(request, anonymised, folder, cancellationToken);
        await services.GetRequiredService<IOutputPackager>().PackageAsync(request, anonymised, report, folder, cancellationToken);
        return new SomeOutput(request, anonymised, report, folder);
    }

    /// <summary>The stages as the host composes them.</summary>
    public static ServiceProvider Services(TimeProvider clock) => new ServiceCollection().AddLogging().AddSingleton(clock)
        .AddLinkage().AddAnonymiser().AddDisclosureChecks().AddOutputPackaging().BuildServiceProvider();

    /// <summary>Links a small synthetic population into <c>run</c> under <paramref name="temp"/>: the request its outputs are made from (reading the run folder's linkage map), and what the run returned.</summary>
    public static async Task<(OutputRequest Request, LinkageRunResult Result)> LinkAsync(TempDirectory temp, IServiceProvider services, CancellationToken cancellationToken)
    {
        var catalog = Catalog(temp);
        var synth = await SyntheticExtracts.WriteAsync(catalog, temp.Combine("synth"), new SynthOptions { People = 2_000, Seed = 11 }, cancellationToken);
        var project = catalog.Projects[Project];
        var inputs = synth.Files.Select((f, i) => new LinkageInput(catalog.Sources[f.Source], $"d{i}", f.Path, SetAsideRows.None)).ToList();
        var runFolder = temp.Combine("run");
        var result = await services.GetRequiredService<ILinkageRunner>().RunAsync(project, inputs, runFolder, cancellationToken);
        return (new OutputRequest(project, "run-20260301", runFolder, inputs, ProjectKeys.Pseudonyms(new byte[32], Project), null), result);
    }

    /// <summary>The repository's configuration, copied, with the project's outputs configured.</summary>
    private static ConfigCatalog Catalog(TempDirectory temp)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "config");
        foreach (var file in Directory.EnumerateFiles(source, "*.json", SearchOption.AllDirectories))
        {
            temp.Write(Path.Combine("config", Path.GetRelativePath(source, file)), File.ReadAllText(file));
        }

        var path = temp.Combine("config", "projects", Project + ".json");
        var project = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        project["outputs"] = JsonNode.Parse(Outputs);
        File.WriteAllText(path, project.ToJsonString());
        var result = ConfigCatalogLoader.Load(temp.Combine("config"));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Catalog!;
    }
}
