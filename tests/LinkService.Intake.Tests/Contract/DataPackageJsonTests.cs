using System.Text.Json.Nodes;
using LinkService.Intake.Contract;
using LinkService.Intake.Tests.Support;

namespace LinkService.Intake.Tests.Contract;

public sealed class DataPackageJsonTests
{
    [Fact]
    public void Write_Source_OneTabularResourceWithTheSourcesDialect()
    {
        var source = ContractSources.Welfare();

        var package = JsonNode.Parse(DataPackageJson.Write(source))!;

        Assert.Equal("tabular-data-package", (string?)package["profile"]);
        var resource = Assert.Single(package["resources"]!.AsArray())!;
        Assert.Equal("tabular-data-resource", (string?)resource["profile"]);
        Assert.Equal("csv", (string?)resource["format"]);
        Assert.Equal("windows-1252", (string?)resource["encoding"]);
        Assert.True(source.MatchesFileName((string)resource["path"]!), "the resource's path must be a name the source takes");
        Assert.Equal("|", (string?)resource["dialect"]!["delimiter"]);
        Assert.Equal("\"", (string?)resource["dialect"]!["quoteChar"]);
        Assert.True((bool)resource["dialect"]!["header"]!);
    }

    [Fact]
    public void Write_Source_TableSchemaHoldsEveryFieldWithItsTypeFormatAndConstraints()
    {
        var source = ContractSources.Welfare();

        var schema = JsonNode.Parse(DataPackageJson.Write(source))!["resources"]![0]!["schema"]!;

        var fields = schema["fields"]!.AsArray();
        Assert.Equal(source.SchemaOrThrow.Fields.Select(f => f.Name), fields.Select(f => (string)f!["name"]!));
        Assert.Equal(["string", "date", "number", "string"], fields.Select(f => (string)f!["type"]!));
        Assert.Equal("%d/%m/%Y", (string?)fields[1]!["format"]);
        Assert.True((bool)fields[0]!["constraints"]!["required"]!);
        Assert.True((bool)fields[0]!["constraints"]!["unique"]!);
        Assert.Equal("[A-Z]{2}[0-9]{6}", (string?)fields[0]!["constraints"]!["pattern"]);
        Assert.Equal("1900-01-01", (string?)fields[1]!["constraints"]!["minimum"]);
        Assert.Equal(2000, (int)fields[2]!["constraints"]!["maximum"]!);
        Assert.Equal(["JSA", "UC"], fields[3]!["constraints"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["", "NULL"], schema["missingValues"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["claim_ref"], schema["primaryKey"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("equal", (string?)schema["fieldsMatch"]);
    }

    [Fact]
    public void Write_Source_LeavesOutLinkServicesOwnLinkageRoles()
    {
        var text = DataPackageJson.Write(ContractSources.Welfare());

        Assert.DoesNotContain("linkage", text, StringComparison.Ordinal);
        Assert.DoesNotContain("identifier", text, StringComparison.Ordinal);
    }
}
