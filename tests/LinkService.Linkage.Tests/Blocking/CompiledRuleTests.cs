using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Linkage.Blocking;
using LinkService.Linkage.Data;
using LinkService.Linkage.Tests.Support;

namespace LinkService.Linkage.Tests.Blocking;

public sealed class CompiledRuleTests
{
    [Theory]
    [InlineData(KeyTransform.Year, new[] { 1985, 1985, 1990 })]
    [InlineData(KeyTransform.Month, new[] { 4, 5, 4 })]
    [InlineData(KeyTransform.YearMonth, new[] { 198504, 198505, 199004 })]
    [InlineData(KeyTransform.MonthDay, new[] { 403, 503, 430 })]
    public void Keys_DateTransforms_TakeTheirPartOfTheDate(KeyTransform transform, int[] expected)
    {
        var table = Tables.Of([("A", "1985-04-03"), ("B", "1985-05-03"), ("C", "1990-04-30")]);

        var rule = new CompiledRule(0, new BlockingRuleSpec { Keys = [new() { Field = CanonicalField.DateOfBirth, Transform = transform }] }, table);

        Assert.Equal(expected, rule.Keys[0]);
    }

    [Fact]
    public void Keys_Soundex_GroupsSoundAlikeSurnames()
    {
        var table = Tables.Of([("ROBERT", "1985-04-03"), ("RUPERT", "1985-05-03"), ("SMITH", "1990-04-30")]);

        var rule = new CompiledRule(0, new BlockingRuleSpec { Keys = [new() { Field = CanonicalField.Surname, Transform = KeyTransform.Soundex }] }, table);

        Assert.Equal(rule.Keys[0][0], rule.Keys[0][1]);
        Assert.NotEqual(rule.Keys[0][0], rule.Keys[0][2]);
    }

    [Fact]
    public void Hash_MissingKey_IsZeroSoTheRecordIsNotBlocked()
    {
        var table = Tables.Of([("SMITH", ""), ("SMITH", "1985-05-03")]);

        var rule = new CompiledRule(0, new BlockingRuleSpec { Keys = [new() { Field = CanonicalField.Surname }, new() { Field = CanonicalField.DateOfBirth }] }, table);

        Assert.Equal(0UL, rule.Hash(0));
        Assert.NotEqual(0UL, rule.Hash(1));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Hash_AnyOrder_PutsSwappedNamesInOneBlockOnlyWhenAsked(bool anyOrder)
    {
        var rule = new BlockingRuleSpec { Keys = [new() { Field = CanonicalField.Forename }, new() { Field = CanonicalField.Surname }, new() { Field = CanonicalField.DateOfBirth }], AnyOrder = anyOrder };
        var spec = new LinkageSpec { Blocking = [rule], Comparisons = [new() { Field = CanonicalField.Surname, Levels = [new() { Method = ComparisonMethod.Exact }] }] };
        var source = new SourceRecords("s0", [new SourceField(CanonicalField.Forename), new SourceField(CanonicalField.Surname), new SourceField(CanonicalField.DateOfBirth)]);
        source.Add("r0", ["JOHN", "SMITH", "1985-04-03"]);
        source.Add("r1", ["SMITH", "JOHN", "1985-04-03"]);
        var table = RecordTableBuilder.Build(spec, [source], CancellationToken.None);

        var compiled = new CompiledRule(0, rule, table);

        Assert.Equal(anyOrder, compiled.Hash(0) == compiled.Hash(1));
    }

    [Fact]
    public void Hash_AnyOrderOnInitials_PutsSwappedNamesWithATypoInOneBlock()
    {
        var rule = new BlockingRuleSpec
        {
            Keys = [new() { Field = CanonicalField.Forename, Transform = KeyTransform.Initial }, new() { Field = CanonicalField.Surname, Transform = KeyTransform.Initial }, new() { Field = CanonicalField.DateOfBirth }],
            AnyOrder = true,
        };
        var spec = new LinkageSpec { Blocking = [rule], Comparisons = [new() { Field = CanonicalField.Surname, Levels = [new() { Method = ComparisonMethod.Exact }] }] };
        var source = new SourceRecords("s0", [new SourceField(CanonicalField.Forename), new SourceField(CanonicalField.Surname), new SourceField(CanonicalField.DateOfBirth)]);
        source.Add("r0", ["JOHN", "SMITH", "1985-04-03"]);
        source.Add("r1", ["SMIHT", "JONH", "1985-04-03"]);
        source.Add("r2", ["JOHN", "JONES", "1985-04-03"]);
        var table = RecordTableBuilder.Build(spec, [source], CancellationToken.None);

        var compiled = new CompiledRule(0, rule, table);

        Assert.Equal(compiled.Hash(0), compiled.Hash(1));
        Assert.NotEqual(compiled.Hash(0), compiled.Hash(2));
    }
}
