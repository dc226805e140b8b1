using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Tests.Support;

/// <summary>The FEBRL benchmark files (copied under TestData/febrl) read through the engine's own source records.</summary>
internal static class Febrl
{
    public const string StreetNumber = "street_number";
    public const string State = "state";

    // FEBRL column → canonical field; address_2 is left out (mostly building names).
    private static readonly (string Column, string Field, string? Format)[] Mapping =
    [
        ("given_name", CanonicalField.Forename, null),
        ("surname", CanonicalField.Surname, null),
        ("street_number", StreetNumber, null),
        ("address_1", CanonicalField.AddressLine, null),
        ("suburb", CanonicalField.Locality, null),
        ("postcode", CanonicalField.Postcode, null),
        ("state", State, null),
        ("date_of_birth", CanonicalField.DateOfBirth, "yyyyMMdd"),
        ("soc_sec_id", CanonicalField.ReferenceNumber, null),
    ];

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", "febrl", file);

    /// <summary>Reads a FEBRL file; the truth label of each record is its original's number.</summary>
    public static (SourceRecords Records, List<int> Truth) Read(string file, string sourceName)
    {
        var records = new SourceRecords(sourceName, [.. Mapping.Select(m => new SourceField(m.Field, m.Format))]);
        var truth = new List<int>();
        using var reader = new StreamReader(PathOf(file));
        var header = reader.ReadLine()!.Split(',').Select(h => h.Trim()).ToList();
        var columns = Mapping.Select(m => header.IndexOf(m.Column)).ToArray();
        var values = new string?[columns.Length];
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',').Select(c => c.Trim()).ToArray();
            for (var i = 0; i < columns.Length; i++)
            {
                values[i] = cells[columns[i]];
            }

            var id = cells[0];
            records.Add(id, values);
            truth.Add(int.Parse(id.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        return (records, truth);
    }

    public static LinkageSpec Spec(bool withReference)
    {
        ComparisonLevelSpec L(ComparisonMethod method, double threshold = 0.9, int distance = 1, string? other = null) =>
            new() { Method = method, Threshold = threshold, Distance = distance, OtherField = other };
        BlockingKeySpec K(string field, KeyTransform transform = KeyTransform.Exact) => new() { Field = field, Transform = transform };

        List<BlockingRuleSpec> blocking =
        [
            new() { Keys = [K(CanonicalField.DateOfBirth)] },
            new() { Keys = [K(CanonicalField.Forename), K(CanonicalField.Surname, KeyTransform.Initial)] },
            new() { Keys = [K(CanonicalField.Surname), K(CanonicalField.Forename, KeyTransform.Initial)] },
            new() { Keys = [K(CanonicalField.Postcode), K(CanonicalField.Surname, KeyTransform.Soundex)] },
            new() { Keys = [K(CanonicalField.Locality), K(CanonicalField.Forename, KeyTransform.Soundex)] },
            new() { Keys = [K(CanonicalField.AddressLine), K(StreetNumber)] },
        ];
        List<ComparisonSpec> comparisons =
        [
            new()
            {
                Field = CanonicalField.Forename, TermFrequency = true,
                Levels = [L(ComparisonMethod.Exact), L(ComparisonMethod.JaroWinkler, 0.92), L(ComparisonMethod.Swapped, other: CanonicalField.Surname), L(ComparisonMethod.JaroWinkler, 0.8)],
            },
            new()
            {
                Field = CanonicalField.Surname, TermFrequency = true,
                Levels = [L(ComparisonMethod.Exact), L(ComparisonMethod.JaroWinkler, 0.92), L(ComparisonMethod.Swapped, other: CanonicalField.Forename), L(ComparisonMethod.JaroWinkler, 0.8)],
            },
            new()
            {
                Field = CanonicalField.DateOfBirth,
                Levels = [L(ComparisonMethod.Exact), L(ComparisonMethod.DateTransposed), L(ComparisonMethod.DateOneDigit), L(ComparisonMethod.SameYear)],
            },
            new() { Field = CanonicalField.Postcode, Levels = [L(ComparisonMethod.Exact), L(ComparisonMethod.DamerauLevenshtein, distance: 1)] },
            new() { Field = CanonicalField.Locality, Levels = [L(ComparisonMethod.Exact), L(ComparisonMethod.JaroWinkler, 0.92), L(ComparisonMethod.JaroWinkler, 0.8)] },
            new() { Field = CanonicalField.AddressLine, Levels = [L(ComparisonMethod.Exact), L(ComparisonMethod.JaroWinkler, 0.92), L(ComparisonMethod.JaroWinkler, 0.8)] },
            new() { Field = StreetNumber, Levels = [L(ComparisonMethod.Exact), L(ComparisonMethod.DamerauLevenshtein, distance: 1)] },
            new() { Field = State, Levels = [L(ComparisonMethod.Exact)] },
        ];
        if (withReference)
        {
            blocking.Insert(0, new() { Keys = [K(CanonicalField.ReferenceNumber)] });
            comparisons.Add(new() { Field = CanonicalField.ReferenceNumber, Levels = [L(ComparisonMethod.Exact), L(ComparisonMethod.DamerauLevenshtein, distance: 1), L(ComparisonMethod.Levenshtein, distance: 2)] });
        }

        return new LinkageSpec
        {
            Blocking = blocking,
            Comparisons = comparisons,
            Standardisation = new Dictionary<string, StandardisationSpec> { [CanonicalField.Forename] = new() { SplitForenames = false } },
            Training = new TrainingSpec { RandomPairs = 1_000_000 },
        };
    }
}
