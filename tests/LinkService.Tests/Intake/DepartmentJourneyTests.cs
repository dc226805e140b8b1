using System.Text;
using System.Text.Json.Nodes;
using LinkService.Configuration.Loading;
using LinkService.Configuration.Schemas;
using LinkService.Tests.Support;

namespace LinkService.Tests.Intake;

/// <summary>What a department finds in its outbox: the contract before it sends, the receipt and error list after.</summary>
public sealed class DepartmentJourneyTests
{
    private const string Header = "offender_id,surname,forenames,date_of_birth,sex,postcode,ni_number,offence_group,sentence_type,sentence_months,release_date\n";

    [Fact]
    public async Task Run_FileWithIsoDates_OutboxHoldsContractReceiptAndEveryErrorButNoValue()
    {
        using var folder = new ServiceFolder();
        folder.UseFastIntake();
        var inbox = folder.InboxFolder("justice");
        var outbox = folder.OutboxFolder("justice");
        const string name = "offenders_20261129.csv";
        var rows = new StringBuilder(Header);
        for (var i = 0; i < 3_000; i++)
        {
            // 2,988 dates written year first in a day-first field; a distinctive surname no output may show.
            var dob = i < 2_988 ? $"1985-03-{i % 28 + 1:D2}" : "14/03/1985";
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"OFF{i:D8},Quibblethwaite,Clementine,{dob},F,ZX1 1QA,,theft,custody,12,01/06/2024\n");
        }

        using (var service = ServiceProcess.Start(folder))
        {
            // A file closed before intake watches would wait the fallback quiet period (a minute): not what this test is about.
            await service.IntakeWatchingAsync(TimeSpan.FromSeconds(60), "intake watches the inboxes", TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(inbox, name + ".part"), rows.ToString(), TestContext.Current.CancellationToken);
            File.Move(Path.Combine(inbox, name + ".part"), Path.Combine(inbox, name));
            await Eventually.TrueAsync(() => Outcome(outbox) is "rejected", TimeSpan.FromSeconds(120), "the service rejects the delivery");
            Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(60)));
        }

        var files = Directory.GetFiles(outbox).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(5, files.Count);
        Assert.Equal(["CONTRACT.md", "datapackage.json"], files.Take(2));
        var stem = files[2]![..^".errors.csv".Length];
        Assert.Matches(@"^offenders_20261129\.csv\.[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}$", stem);
        Assert.Equal([stem + ".errors.csv", stem + ".receipt.json", stem + ".receipt.txt"], files.Skip(2));

        var receipt = await File.ReadAllTextAsync(Path.Combine(outbox, stem + ".receipt.txt"), TestContext.Current.CancellationToken);
        Assert.Contains("date_of_birth: 2,988 rows are not dd/mm/yyyy; they look like yyyy-mm-dd (rows 1, 2, 3, 4, 5, …)", receipt, StringComparison.Ordinal);
        Assert.Contains($"Every failing row is listed in {stem}.errors.csv", receipt, StringComparison.Ordinal);
        var errors = await File.ReadAllLinesAsync(Path.Combine(outbox, stem + ".errors.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(2_988, errors.Length - 1);

        var everything = Directory.GetFiles(outbox).SelectMany(File.ReadAllBytes).ToArray();
        Assert.Equal(-1, everything.AsSpan().IndexOf("Quibblethwaite"u8));
        Assert.Equal(-1, everything.AsSpan().IndexOf("1985-03-"u8));
        Assert.Equal(-1, everything.AsSpan().IndexOf("ZX1 1QA"u8));
    }

    [Fact]
    public async Task Run_Start_DataPackageSchemaReadsBackAsTheSourcesSchema()
    {
        using var folder = new ServiceFolder();
        folder.UseFastIntake();
        var package = Path.Combine(folder.OutboxFolder("welfare"), "datapackage.json");
        using (var service = ServiceProcess.Start(folder))
        {
            await Eventually.TrueAsync(() => File.Exists(package), TimeSpan.FromSeconds(60), "the service publishes the contract");
            Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(60)));
        }

        // Read back through the service's own Table Schema reader: the department's tools see the schema the service checks.
        var resource = JsonNode.Parse(await File.ReadAllTextAsync(package, TestContext.Current.CancellationToken))!["resources"]![0]!;
        var schemaFile = folder.Combine("published-schema.json");
        await File.WriteAllTextAsync(schemaFile, resource["schema"]!.ToJsonString(), TestContext.Current.CancellationToken);
        var errors = new ConfigErrors("published-schema.json");
        var published = ConfigCatalogLoader.ReadFile<TableSchema>(schemaFile, errors);
        var source = folder.LoadCatalog().Sources["welfare"];
        var configured = source.SchemaOrThrow;

        Assert.NotNull(published);
        Assert.Equal(Describe(configured), Describe(published));
        Assert.Equal(configured.MissingValues, published.MissingValues);
        Assert.Equal(configured.PrimaryKey, published.PrimaryKey);
        Assert.Equal(configured.FieldsMatch, published.FieldsMatch);
        Assert.Equal(source.Dialect.Delimiter, (string?)resource["dialect"]!["delimiter"]);
        Assert.True(source.MatchesFileName((string)resource["path"]!));
    }

    private static IEnumerable<string> Describe(TableSchema schema) =>
        schema.Fields.Select(f => string.Join(
            "|",
            f.Name,
            f.Type,
            f.Format,
            f.Constraints?.Required,
            f.Constraints?.Unique,
            f.Constraints?.MinLength,
            f.Constraints?.MaxLength,
            f.Constraints?.Pattern,
            f.Constraints?.Minimum?.GetRawText(),
            f.Constraints?.Maximum?.GetRawText(),
            string.Join(",", f.Constraints?.Enum?.Select(e => e.GetRawText()) ?? [])));

    private static string? Outcome(string outbox)
    {
        var receipts = Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.receipt.json") : [];
        return receipts.Length == 1 ? JsonNode.Parse(File.ReadAllText(receipts[0]))?["outcome"]?.GetValue<string>() : null;
    }
}
