using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LinkService.Configuration.Loading;
using LinkService.Deliveries.SetAside;
using LinkService.Linkage.Running;
using LinkService.Linkage.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace LinkService.Linkage.Tests.Running;

/// <summary>A project whose third source has no postcodes (nor sex, nor NI numbers) but an email address of its own.</summary>
public sealed class ThreeSourceLinkageTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task RunAsync_ThirdSourceWithoutPostcodes_LoadsAndLinksItsRecordsToTheSamePeople()
    {
        var result = await RunThreeAsync();

        var rows = File.ReadLines(result.LinksFile).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(5_000, rows.Count(r => r[0] == "health"));
        var justiceEntity = rows.Where(r => r[0] == "justice").ToDictionary(r => FebrlDeliveries.Person(r[1]), r => r[2]);
        var joined = rows.Count(r => r[0] == "health" && justiceEntity.TryGetValue(FebrlDeliveries.Person(r[1]), out var entity) && entity == r[2]);
        Assert.True(joined >= 4_250, $"{joined} of 5000 health records joined to the same person's justice record");
    }

    [Fact]
    public async Task RunAsync_ThirdSourceWithoutPostcodes_PoolsPostcodeUOverTheSourcesThatHavePostcodes()
    {
        // The health register's pairs compare no postcode, so their u was the prior's alone (a fifth at each level), and
        // weighted by their share of the pairs it put exact postcode agreement at u = 0.11 in model.json and in the
        // pooled m's EM, where the pairs that have postcodes say about a ten-thousandth.
        var result = await RunThreeAsync();

        var model = JsonNode.Parse(await File.ReadAllTextAsync(result.ModelFile, TestContext.Current.CancellationToken))!;
        var postcode = model["comparisons"]!.AsArray().Single(c => (string?)c!["field"] == "postcode")!;
        var exact = postcode["levels"]!.AsArray().Single(l => (string?)l!["level"] == "exact")!;
        Assert.True((double)exact["u"]! < 0.001, $"pooled u of exact postcode agreement {exact["u"]}");
    }

    private async Task<LinkageRunResult> RunThreeAsync()
    {
        var config = WriteConfig();
        var loaded = ConfigCatalogLoader.Load(config);
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
        var catalog = loaded.Catalog!;
        var inputs = new[]
        {
            new LinkageInput(catalog.Sources["justice"], "d1", FebrlDeliveries.WriteJustice(_temp.Path), SetAsideRows.None),
            new LinkageInput(catalog.Sources["welfare"], "d2", FebrlDeliveries.WriteWelfare(_temp.Path), SetAsideRows.None),
            new LinkageInput(catalog.Sources["health"], "d3", WriteHealth(), SetAsideRows.None),
        };
        var runner = new LinkageRunner(NullLogger<LinkageRunner>.Instance, TimeProvider.System);
        return await runner.RunAsync(catalog.Projects["three"], inputs, Path.Combine(_temp.Path, "run"), TestContext.Current.CancellationToken);
    }

    private string WriteConfig()
    {
        var config = Path.Combine(_temp.Path, "config");
        foreach (var file in Directory.EnumerateFiles(RepositoryConfig.Directory, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(config, Path.GetRelativePath(RepositoryConfig.Directory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(config, "schemas", "patients.json"), """
            {
              "fields": [
                { "name": "patient_id", "type": "string", "constraints": { "required": true, "unique": true }, "linkage": { "role": "key" } },
                { "name": "given_name", "type": "string", "linkage": { "role": "identifier", "canonical": "forename" } },
                { "name": "family_name", "type": "string", "linkage": { "role": "identifier", "canonical": "surname" } },
                { "name": "born", "type": "date", "linkage": { "role": "identifier", "canonical": "date_of_birth" } },
                { "name": "email", "type": "string", "linkage": { "role": "identifier", "canonical": "email", "standardiser": "email" } }
              ]
            }
            """);
        File.WriteAllText(Path.Combine(config, "sources", "health.json"), """{ "schema": "patients", "filePattern": "patients_*.csv" }""");
        // The default project with a third source; its outputs name only the first two, and are not what is tested here.
        var project = JsonNode.Parse(File.ReadAllText(Path.Combine(config, "projects", "reoffending-benefits.json")))!.AsObject();
        project["sources"]!.AsArray().Add("health");
        project["linkage"]!["training"]!["randomPairs"] = 300_000;
        project.Remove("outputs");
        File.WriteAllText(Path.Combine(config, "projects", "three.json"), project.ToJsonString());
        return config;
    }

    /// <summary>FEBRL 4b's people again, as a health register would hold them: no postcode, an email address.</summary>
    private string WriteHealth()
    {
        var path = Path.Combine(_temp.Path, "patients_1.csv");
        var sb = new StringBuilder("patient_id,given_name,family_name,born,email\n");
        foreach (var line in File.ReadLines(Febrl.PathOf("dataset4b.csv")).Skip(1).Where(l => l.Length > 0))
        {
            var c = line.Split(',').Select(x => x.Trim()).ToArray();
            var born = DateTime.TryParseExact(c[9], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
            sb.Append(CultureInfo.InvariantCulture, $"{c[0]},{c[1]},{c[2]},{born},{c[1]}.{c[2]}@example.org\n");
        }

        File.WriteAllText(path, sb.ToString());
        return path;
    }
}
