using LinkService.Configuration.Sources;
using LinkService.Intake.Contract;
using LinkService.Intake.Receipts;
using LinkService.Intake.Tests.Support;

namespace LinkService.Intake.Tests.Contract;

public sealed class ContractMarkdownTests
{
    private static readonly TimeSpan Fallback = TimeSpan.FromMinutes(5);

    [Fact]
    public void Write_Source_StatesPatternDialectLimitsAndCompletion()
    {
        var text = ContractMarkdown.Write(ContractSources.Welfare(), Fallback);

        Assert.StartsWith("# Delivery contract: welfare", text, StringComparison.Ordinal);
        Assert.Contains("named to match `claims_*.csv`", text, StringComparison.Ordinal);
        Assert.Contains("At most 53,687,091,200 bytes as uploaded; no field longer than 4,096 characters.", text, StringComparison.Ordinal);
        Assert.Contains("Encoding `windows-1252`; fields separated by `\\|`, quoted with `\"`", text, StringComparison.Ordinal);
        Assert.Contains("The first row names the columns: exactly the columns below, in any order.", text, StringComparison.Ordinal);
        Assert.Contains("not changed for 00:00:10", text, StringComparison.Ordinal);
        Assert.Contains("a marker `<file>.done` exists", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_QuietSource_NoMarkerPromised()
    {
        var text = ContractMarkdown.Write(ContractSources.Welfare(CompletionSignal.Quiet), Fallback);

        Assert.DoesNotContain(".done", text, StringComparison.Ordinal);
        Assert.DoesNotContain(".sha256", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Schema_OneRowPerColumnWithTypeFormatRequiredAndConstraints()
    {
        var lines = ContractMarkdown.Write(ContractSources.Welfare(), Fallback).Split('\n');

        Assert.Contains("| `claim_ref` | string |  | yes | unique; matches `[A-Z]{2}[0-9]{6}` | The claim's reference |", lines);
        Assert.Contains("| `date_of_birth` | date | `%d/%m/%Y` | yes | minimum 1900-01-01 |  |", lines);
        Assert.Contains("| `weekly_amount` | number |  | no | minimum 0; maximum 2000 |  |", lines);
        Assert.Contains("| `benefit_type` | string |  | no | one of `JSA`, `UC` |  |", lines);
        Assert.Contains("Empty cells and `NULL` count as missing.", lines);
        Assert.Contains("No two rows may share the primary key (`claim_ref`).", lines);
    }

    [Fact]
    public void Write_Source_SaysWhatBecomesOfABadFileAndDefinesEveryOutcome()
    {
        var text = ContractMarkdown.Write(ContractSources.Welfare(), Fallback);

        Assert.Contains("set aside and the rest accepted, up to 100 rows and 1.0 % of the rows", text, StringComparison.Ordinal);
        Assert.Contains("`<file>.<delivery id>.receipt.txt`", text, StringComparison.Ordinal);
        Assert.Contains("`<file>.<delivery id>.errors.csv`", text, StringComparison.Ordinal);
        foreach (var outcome in Enum.GetValues<ReceiptOutcome>())
        {
            Assert.Contains($"- **{ReceiptMeanings.Name(outcome)}**: {ReceiptMeanings.Of(outcome)}", text, StringComparison.Ordinal);
        }
    }
}
