using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Linkage.Blocking;
using LinkService.Linkage.Data;
using LinkService.Linkage.Engine;

namespace LinkService.Linkage.Tests.Engine;

/// <summary>A pair's agreement on the rules' keys says exactly which rules generate it, as the rules' hashes do.</summary>
public sealed class BlockingKeysTests
{
    private static readonly BlockingRuleSpec Plain = new() { Keys = [new() { Field = CanonicalField.Forename }, new() { Field = CanonicalField.Surname }] };
    private static readonly BlockingRuleSpec AnyOrder = new() { Keys = [new() { Field = CanonicalField.Forename }, new() { Field = CanonicalField.Surname }, new() { Field = CanonicalField.DateOfBirth }], AnyOrder = true };

    [Theory]
    [InlineData("JOHN", "SMITH", "1985-04-03", true)]
    [InlineData("SMITH", "JOHN", "1985-04-03", true)]
    [InlineData("SMITH", "JOHN", "1985-04-04", false)]
    [InlineData("JOHN", "", "1985-04-03", false)]
    [InlineData("JANE", "SMITH", "1985-04-03", false)]
    public void AnyRuleHolds_AgreesWithTheRulesHashes(string forename, string surname, string dob, bool generated)
    {
        var (table, rules) = Build(("JOHN", "SMITH", "1985-04-03"), (forename, surname, dob));
        var keys = new BlockingKeys(rules);

        var pattern = keys.Pattern(0, 1);

        Assert.Equal(generated, keys.AnyRuleHolds(pattern));
        Assert.Equal(generated, rules.Any(r => r.Hash(0) != 0 && r.Hash(0) == r.Hash(1)));
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void Pattern_SwappedNames_AgreeOnTheAnyOrderKeysOfTheForenameAlone()
    {
        var (_, rules) = Build(("JOHN", "SMITH", "1985-04-03"), ("SMITH", "JOHN", "1985-04-03"));
        var keys = new BlockingKeys(rules);

        var pattern = keys.Pattern(0, 1);

        // Fields: forename (its own key and the any-order pair's two), surname, date of birth.
        Assert.Equal(["forename", "surname", "date_of_birth"], keys.Fields);
        Assert.Equal(0UL, pattern & keys.FieldMasks[1]);
        Assert.NotEqual(0UL, pattern & keys.FieldMasks[0]);
        Assert.False((pattern & 1UL) != 0, "the plain forename key disagrees");
    }

    [Fact]
    public void Patterns_AreEachPairsPattern()
    {
        var (table, rules) = Build(("JOHN", "SMITH", "1985-04-03"), ("SMITH", "JOHN", "1985-04-03"), ("JOHN", "SMITH", "1990-01-01"), ("JANE", "", "1985-04-03"));
        var keys = new BlockingKeys(rules);
        var pairs = (from a in Enumerable.Range(0, table.Count) from b in Enumerable.Range(0, table.Count) select (a, b, 1.0)).ToList();

        var patterns = keys.Patterns(pairs);

        Assert.Equal(pairs.Select(p => keys.Pattern(p.a, p.b)), patterns);
        Assert.Contains(patterns, p => p != 0);
    }

    private static (RecordTable Table, CompiledRule[] Rules) Build(params (string Forename, string Surname, string Dob)[] rows)
    {
        var spec = new LinkageSpec { Blocking = [Plain, AnyOrder], Comparisons = [new() { Field = CanonicalField.Surname, Levels = [new() { Method = ComparisonMethod.Exact }] }] };
        var source = new SourceRecords("s0", [new SourceField(CanonicalField.Forename), new SourceField(CanonicalField.Surname), new SourceField(CanonicalField.DateOfBirth)]);
        for (var i = 0; i < rows.Length; i++)
        {
            source.Add($"r{i}", [rows[i].Forename, rows[i].Surname, rows[i].Dob]);
        }

        var table = RecordTableBuilder.Build(spec, [source], CancellationToken.None);
        return (table, [new CompiledRule(0, Plain, table), new CompiledRule(1, AnyOrder, table)]);
    }
}
