using LinkService.Deliveries.SetAside;
using LinkService.Linkage;
using LinkService.Linkage.Running;
using LinkService.Outputs.Packaging;
using LinkService.Outputs.Stages;
using LinkService.Synth;
using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Outputs.Tests.Support;

/// <summary>
/// A real linkage run of the repository's project on a small synthetic population, packaged by the packager as the
/// host composes it: the run folder the runner wrote, and the output folder the packager finished.
/// </summary>
internal static class LinkedRun
{
    public static async Task<SomeOutput> PackageAsync(TempDirectory temp, TimeProvider clock, CancellationToken cancellationToken)
    {
        var catalog = RepositoryConfig.Load();
        var synth = await SyntheticExtracts.WriteAsync(catalog, temp.Combine("synth"), new SynthOptions { People = 2_000, Seed = 11 }, cancellationToken);
        var project = catalog.Projects["reoffending-benefits"];
        var inputs = synth.Files.Select((f, i) => new LinkageInput(catalog.Sources[f.Source], $"d{i}", f.Path, SetAsideRows.None)).ToList();

        using var services = new ServiceCollection().AddLogging().AddSingleton(clock).AddLinkage().AddOutputPackaging().BuildServiceProvider();
        var runFolder = temp.Combine("run");
        await services.GetRequiredService<ILinkageRunner>().RunAsync(project, inputs, runFolder, cancellationToken);

        var output = SomeOutput.Write(temp, runFolder);
        output = output with { Request = output.Request with { Inputs = inputs } };
        await services.GetRequiredService<IOutputPackager>().PackageAsync(output.Request, output.Anonymised, output.Report, output.Folder, cancellationToken);
        return output;
    }
}
