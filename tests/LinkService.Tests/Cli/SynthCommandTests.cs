using LinkService.Tests.Support;

namespace LinkService.Tests.Cli;

public sealed class SynthCommandTests
{
    [Fact]
    public async Task Synth_DefaultConfiguration_WritesOneFolderPerSourceMatchingItsPatternAndTheTruth()
    {
        using var folder = new ServiceFolder();
        var output = folder.Combine("demo");

        var result = await Support.Cli.RunAsync("synth", "--out", output, "--people", "2000", "--seed", "7", "--config", folder.ConfigDirectory);

        result.AssertExitCode(0);
        Assert.Matches(@"^offenders_.*\.csv$", Path.GetFileName(Assert.Single(Directory.GetFiles(Path.Combine(output, "justice")))));
        Assert.Matches(@"^claims_.*\.csv$", Path.GetFileName(Assert.Single(Directory.GetFiles(Path.Combine(output, "welfare")))));
        var truth = await File.ReadAllLinesAsync(Path.Combine(output, "truth.csv"), TestContext.Current.CancellationToken);
        Assert.Equal("source,record_id,person_id,variations", truth[0]);
        Assert.Contains(truth, l => l.StartsWith("justice,", StringComparison.Ordinal));
        Assert.Contains(truth, l => l.StartsWith("welfare,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Synth_ItsOwnOutput_PassesValidationForEachSource()
    {
        using var folder = new ServiceFolder();
        var output = folder.Combine("demo");
        await Support.Cli.RunAsync("synth", "--out", output, "--people", "2000", "--config", folder.ConfigDirectory);

        foreach (var source in new[] { "justice", "welfare" })
        {
            var file = Directory.GetFiles(Path.Combine(output, source)).Single();
            var result = await Support.Cli.RunAsync("validate", "--source", source, file, "--config", folder.ConfigDirectory);
            Assert.True(result.ExitCode == 0, $"{source}: {result.Output}{result.Error}");
        }
    }

    [Fact]
    public async Task Synth_OutIsAFile_FailsWithExitOneNamingThePath()
    {
        using var folder = new ServiceFolder();
        var output = folder.Combine("not-a-folder");
        await File.WriteAllTextAsync(output, "", TestContext.Current.CancellationToken);

        var result = await Support.Cli.RunAsync("synth", "--out", output, "--people", "100", "--config", folder.ConfigDirectory);

        result.AssertExitCode(1);
        Assert.Contains("linkservice failed:", result.Error, StringComparison.Ordinal);
        Assert.Contains("not-a-folder", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synth_RecordsForAnUnknownSource_IsBadUsage()
    {
        using var folder = new ServiceFolder();

        var result = await Support.Cli.RunAsync("synth", "--out", folder.Combine("x"), "--records", "probation=10", "--config", folder.ConfigDirectory);

        result.AssertExitCode(2);
    }
}
