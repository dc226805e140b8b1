using System.Text.Json;
using LinkService.Validation.Report;

namespace LinkService.Validation.Tests.Report;

public sealed class ValidationReportTests
{
    private static ValidationReport Sample(ValidationOutcome outcome = ValidationOutcome.AcceptedWithSetAside) => new()
    {
        SourceName = "justice",
        SchemaName = "offenders",
        FileName = "offenders_2026-11.csv",
        Outcome = outcome,
        RowsRead = 1000,
        Bytes = 123_456,
        DecompressedBytes = 123_456,
        Labels = ["offender_id", "sentence_months"],
        ErrorCounts = new Dictionary<string, long> { [ErrorTypes.Type] = 2, [ErrorTypes.PrimaryKey] = 1 },
        Errors =
        [
            new ValidationError(ErrorTypes.Type, "the value in field 'sentence_months' is not an integer", 4, 5, "sentence_months", 2),
            new ValidationError(ErrorTypes.PrimaryKey, "the primary key (offender_id) repeats row 3", 9, 10),
        ],
        ErrorGroups =
        [
            new ErrorGroup("sentence_months", ErrorTypes.Type, "is not an integer", 2, [4, 6], null),
            new ErrorGroup(null, ErrorTypes.PrimaryKey, "repeats the primary key (offender_id) of an earlier row", 1, [9], null),
        ],
        SetAsideRows = outcome == ValidationOutcome.Rejected ? [] : [4, 9],
        RejectionReasons = outcome == ValidationOutcome.Rejected ? ["2 row(s) failed"] : [],
        StartedAt = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero),
        Duration = TimeSpan.FromSeconds(1.5),
    };

    [Fact]
    public void ToJson_Report_HasTheFrictionlessShape()
    {
        using var json = JsonDocument.Parse(Sample().ToJson());
        var root = json.RootElement;
        var task = root.GetProperty("tasks")[0];
        var error = task.GetProperty("errors")[0];

        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal("accepted-with-set-aside", root.GetProperty("outcome").GetString());
        Assert.Equal(3, root.GetProperty("stats").GetProperty("errors").GetInt64());
        Assert.Equal("table", task.GetProperty("type").GetString());
        Assert.Equal(1000, task.GetProperty("stats").GetProperty("rows").GetInt64());
        Assert.Equal(2, task.GetProperty("stats").GetProperty("errorTypes").GetProperty("type-error").GetInt64());
        Assert.Equal([4, 9], task.GetProperty("setAsideRows").EnumerateArray().Select(r => r.GetInt64()));
        Assert.Equal("type-error", error.GetProperty("type").GetString());
        Assert.Equal("Type Error", error.GetProperty("title").GetString());
        Assert.Equal(4, error.GetProperty("rowNumber").GetInt64());
        Assert.Equal("sentence_months", error.GetProperty("fieldName").GetString());
        Assert.Equal(2, error.GetProperty("fieldNumber").GetInt32());
        Assert.Contains("#cell", error.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void ToSummaryText_Rejected_SaysSoWithReasonsCountsAndFirstErrors()
    {
        var summary = Sample(ValidationOutcome.Rejected).ToSummaryText();

        Assert.Contains("offenders_2026-11.csv", summary, StringComparison.Ordinal);
        Assert.Contains("REJECTED", summary, StringComparison.Ordinal);
        Assert.Contains("Reason:  2 row(s) failed", summary, StringComparison.Ordinal);
        Assert.Contains("  sentence_months: 2 rows are not an integer (rows 4, 6)\n", summary.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  (whole row): 1 row repeats the primary key (offender_id) of an earlier row (row 9)\n", summary.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("JSON", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSummaryText_OnlyErrorIsARowThatStoppedTheCheck_ListsIt()
    {
        var error = new ValidationError(ErrorTypes.Source, "row 12 has a field longer than 1,048,576 characters: the check stopped there", 12, 13);
        var report = new ValidationReport
        {
            SourceName = "justice",
            SchemaName = "offenders",
            FileName = "offenders_2026-11.csv.gz",
            Outcome = ValidationOutcome.Rejected,
            RowsRead = 11,
            Bytes = 4_096,
            DecompressedBytes = 1_100_000,
            Labels = ["offender_id", "surname"],
            SetAsideRows = [],
            StartedAt = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero),
            Duration = TimeSpan.FromSeconds(1),
            ErrorCounts = new Dictionary<string, long> { [ErrorTypes.Source] = 1 },
            Errors = [error],
            RejectionReasons = [$"{error.Type}: {error.Message}"],
        };

        var summary = report.ToSummaryText();

        Assert.Contains("Errors:  1", summary, StringComparison.Ordinal);
        Assert.Contains($"  row 12, line 13: {ErrorTypes.Source}: row 12 has a field longer than 1,048,576 characters: the check stopped there", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_Report_CarriesTheGroups()
    {
        using var json = JsonDocument.Parse(Sample().ToJson());

        var group = json.RootElement.GetProperty("tasks")[0].GetProperty("errorGroups")[0];

        Assert.Equal("sentence_months", group.GetProperty("fieldName").GetString());
        Assert.Equal("is not an integer", group.GetProperty("problem").GetString());
        Assert.Equal(2, group.GetProperty("rows").GetInt64());
        Assert.Equal([4L, 6L], group.GetProperty("firstRows").EnumerateArray().Select(r => r.GetInt64()));
    }

    [Fact]
    public void IsValidAndIsAccepted_FollowTheOutcome()
    {
        Assert.False(Sample(ValidationOutcome.AcceptedWithSetAside).IsValid);
        Assert.True(Sample(ValidationOutcome.AcceptedWithSetAside).IsAccepted);
        Assert.False(Sample(ValidationOutcome.Rejected).IsAccepted);
        Assert.True(Sample(ValidationOutcome.Valid).IsValid);
    }
}
