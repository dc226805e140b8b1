using System.Text.Json;
using LinkService.Configuration.Schemas;
using LinkService.Configuration.Sources;

namespace LinkService.Intake.Tests.Support;

/// <summary>A source with a schema of every kind of rule, for the published contract's tests.</summary>
public static class ContractSources
{
    public static SourceDefinition Welfare(CompletionSignal signal = CompletionSignal.Marker) =>
        new()
        {
            Name = "welfare",
            Description = "Out-of-work benefit claims, monthly.",
            Schema = "benefit-claims",
            FilePattern = "claims_*.csv",
            Dialect = new CsvDialect { Delimiter = "|", Quote = "\"", Header = true, Encoding = "windows-1252" },
            MaxBytes = 53_687_091_200,
            MaxFieldLength = 4096,
            Completion = new CompletionRule { QuietPeriod = TimeSpan.FromSeconds(10), Signal = signal, MarkerSuffix = ".done" },
            ErrorTolerance = new ErrorTolerance { Mode = ToleranceMode.SetAside, MaxRows = 100, MaxShare = 0.01 },
            ResolvedSchema = new TableSchema
            {
                Name = "benefit-claims",
                FieldsMatch = FieldsMatch.Equal,
                MissingValues = ["", "NULL"],
                PrimaryKey = ["claim_ref"],
                Fields =
                [
                    new SchemaField { Name = "claim_ref", Description = "The claim's reference", Linkage = new FieldLinkage { Role = LinkageRole.Key }, Constraints = new FieldConstraints { Required = true, Unique = true, Pattern = "[A-Z]{2}[0-9]{6}" } },
                    new SchemaField { Name = "date_of_birth", Type = FieldType.Date, Format = "%d/%m/%Y", Linkage = new FieldLinkage { Role = LinkageRole.Identifier, Canonical = "date_of_birth" }, Constraints = new FieldConstraints { Required = true, Minimum = Json("\"1900-01-01\"") } },
                    new SchemaField { Name = "weekly_amount", Type = FieldType.Number, Constraints = new FieldConstraints { Minimum = Json("0"), Maximum = Json("2000") } },
                    new SchemaField { Name = "benefit_type", Constraints = new FieldConstraints { Enum = [Json("\"JSA\""), Json("\"UC\"")] } },
                ],
            },
        };

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
