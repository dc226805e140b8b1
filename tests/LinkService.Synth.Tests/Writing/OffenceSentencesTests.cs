using LinkService.Synth.Columns;
using LinkService.Synth.Randomness;
using LinkService.Synth.Tests.Support;
using LinkService.Synth.Writing;

namespace LinkService.Synth.Tests.Writing;

public sealed class OffenceSentencesTests
{
    private static readonly DateOnly ReferenceDate = new(2025, 6, 1);
    private readonly IReadOnlyList<Column> _justice = ColumnPlanner.For(DefaultConfig.Catalog.Sources["justice"].SchemaOrThrow);

    [Fact]
    public void TryRender_ManyRows_GivesMonthsAndReleaseDatesOnlyWhereTheSentenceHasThem()
    {
        var sentences = OffenceSentences.For(_justice)!;
        var rng = new SplitMix(8);
        var rows = new List<(string Type, string Months, string Release)>();

        for (var i = 0; i < 5_000; i++)
        {
            sentences.StartRow(ref rng);
            rows.Add((Render(sentences, "sentence_type", ref rng), Render(sentences, "sentence_months", ref rng), Render(sentences, "release_date", ref rng)));
        }

        Assert.All(rows.Where(r => r.Type is "fine" or "discharge"), r => Assert.Equal(("", ""), (r.Months, r.Release)));
        Assert.All(rows.Where(r => r.Type == "custody"), r => Assert.InRange(int.Parse(r.Months, System.Globalization.CultureInfo.InvariantCulture), 1, 120));
        Assert.All(rows.Where(r => r.Type == "custody"), r => Assert.Matches(@"^\d\d/\d\d/20\d\d$", r.Release));
        Assert.All(rows.Where(r => r.Type != "custody"), r => Assert.Equal("", r.Release));
        Assert.InRange(rows.Count(r => r.Type == "custody") / 5_000.0, 0.22, 0.28);
    }

    [Fact]
    public void TryRender_OtherColumn_LeavesItToTheGeneralRules()
    {
        var sentences = OffenceSentences.For(_justice)!;
        var rng = new SplitMix(9);
        sentences.StartRow(ref rng);

        Assert.False(sentences.TryRender(_justice.Single(c => c.Name == "offence_group"), new char[64], ReferenceDate, ref rng, out _));
    }

    [Fact]
    public void For_SchemaWithoutSentences_IsNull() =>
        Assert.Null(OffenceSentences.For(ColumnPlanner.For(DefaultConfig.Catalog.Sources["welfare"].SchemaOrThrow)));

    private string Render(OffenceSentences sentences, string column, ref SplitMix rng)
    {
        var text = new char[64];
        Assert.True(sentences.TryRender(_justice.Single(c => c.Name == column), text, ReferenceDate, ref rng, out var n));
        return n < 0 ? "" : new string(text, 0, n);
    }
}
