using System.Text.Json;
using System.Text.RegularExpressions;
using LinkService.Validation.Report;
using LinkService.Validation.Tests.Support;

namespace LinkService.Validation.Tests;

/// <summary>Every malformed extract in Corpus/ gets its expected report, and never an exception.</summary>
public sealed partial class CorpusTests
{
    /// <summary>Identifier values used in the corpus files; no report may quote them.</summary>
    private static readonly string[] IdentifierValues =
    [
        "Quibblethwaite", "Zelinski", "Okonkwo-Brandt", "Ferreira", "Müller", "Súilleabháin", "Aurelio", "Brunhilde", "Cassius",
        "Delphine", "Zoë", "ZZ9 9ZZ", "QQ1 1QQ", "XY12 3AB", "WV7 7WV", "13/07/1971", "29/02/1984", "01/12/1999", "05/05/1960",
        "31/02/1990", "1990-02-01", "01/01/1850",
    ];

    public static TheoryData<string> Cases() => new(CaseNames());

    private static IEnumerable<string> CaseNames() =>
        Directory.EnumerateDirectories(CorpusConfig.CorpusDirectory)
            .Where(dir => File.Exists(Path.Combine(dir, "case.json")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;

    [Fact]
    public void Cases_Corpus_HoldsAtLeastThirtyMalformedExtracts()
    {
        var malformed = CaseNames().Count(c => Expectation.Load(c).Outcome != "valid");
        Assert.True(malformed >= 30, $"only {malformed} malformed cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ValidateAsync_CorpusCase_GivesItsExpectedReport(string name)
    {
        using var temp = new TempDirectory();
        var expected = Expectation.Load(name);
        var path = expected.DataPath(temp);
        var rejects = temp.File("rejects.csv");
        var options = new ValidationOptions { ParserRecordCapBytes = expected.ParserRecordCapBytes ?? new ValidationOptions().ParserRecordCapBytes };

        var report = await Validators.ValidateAsync(CorpusConfig.Source(expected.Source), path, rejects, options);

        Assert.Equal(expected.Outcome, ReportJson.OutcomeName(report.Outcome));
        var types = report.ErrorCounts.Keys.Order(StringComparer.Ordinal).ToArray();
        if (expected.ErrorsInclude)
        {
            Assert.All(expected.Errors, e => Assert.Contains(e, types));
        }
        else
        {
            Assert.Equal(expected.Errors.Order(StringComparer.Ordinal), types);
        }

        if (expected.SetAside is not null)
        {
            Assert.Equal(expected.SetAside, report.SetAsideRows);
        }

        AssertReadable(report);
        AssertNothingLost(report, rejects);
    }

    private static void AssertReadable(ValidationReport report)
    {
        var json = report.ToJson();
        var summary = report.ToSummaryText();
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(report.IsValid, doc.RootElement.GetProperty("valid").GetBoolean());
        Assert.Contains(report.FileName, summary, StringComparison.Ordinal);
        Assert.All(report.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        if (!report.IsAccepted)
        {
            Assert.NotEmpty(report.RejectionReasons);
        }

        foreach (var value in IdentifierValues)
        {
            Assert.DoesNotContain(value, json, StringComparison.Ordinal);
            Assert.DoesNotContain(value, summary, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(PersonId(), json);
        Assert.DoesNotMatch(PersonId(), summary);
    }

    private static void AssertNothingLost(ValidationReport report, string rejects)
    {
        if (report.Outcome == ValidationOutcome.AcceptedWithSetAside)
        {
            Assert.Equal(rejects, report.RejectsFile);
            var lines = File.ReadAllLines(rejects);
            Assert.Equal("row_number,line_number,errors,raw", lines[0]);
            Assert.Equal(report.SetAsideRows.Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)), lines.Skip(1).Where(l => l.Length > 0 && char.IsAsciiDigit(l[0])).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]));
        }
        else
        {
            Assert.False(File.Exists(rejects), "no rejects file unless rows are set aside from an accepted delivery");
        }
    }

    [GeneratedRegex("P1[0-9]{5}")]
    private static partial Regex PersonId();

    private sealed record Expectation(string Name, string Source, string File, string Outcome, string[] Errors, bool ErrorsInclude, long[]? SetAside, string? Generate, int? ParserRecordCapBytes)
    {
        public static Expectation Load(string name)
        {
            using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(CorpusConfig.CorpusDirectory, name, "case.json")));
            var root = doc.RootElement;
            return new Expectation(
                name,
                root.GetProperty("source").GetString()!,
                root.GetProperty("file").GetString()!,
                root.GetProperty("outcome").GetString()!,
                [.. root.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)],
                root.TryGetProperty("errorsInclude", out var include) && include.GetBoolean(),
                root.TryGetProperty("setAside", out var rows) ? [.. rows.EnumerateArray().Select(r => r.GetInt64())] : null,
                root.TryGetProperty("generate", out var generate) ? generate.GetString() : null,
                root.TryGetProperty("parserRecordCapBytes", out var cap) ? cap.GetInt32() : null);
        }

        public string DataPath(TempDirectory temp)
        {
            if (Generate is null)
            {
                return Path.Combine(CorpusConfig.CorpusDirectory, Name, File);
            }

            var path = temp.File(File);
            CorpusGenerator.Generate(Generate, path);
            return path;
        }
    }
}
