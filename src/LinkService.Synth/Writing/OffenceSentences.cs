using LinkService.Synth.Columns;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Writing;

/// <summary>
/// Keeps an offender extract's sentence columns consistent with each other, where a schema has them
/// (<c>sentence_type</c> with a <c>custody</c> value, and optionally <c>sentence_months</c> and
/// <c>release_date</c>): months only for custodial, suspended and community sentences, a release
/// date only after custody, and sentence types in rough national proportions.
/// </summary>
internal sealed class OffenceSentences
{
    private static readonly Sentence[] Sentences =
    [
        new("custody", 0.25, 1, 120, Released: true),
        new("suspended", 0.15, 6, 24, Released: false),
        new("community", 0.30, 6, 36, Released: false),
        new("fine", 0.20, 0, 0, Released: false),
        new("discharge", 0.10, 0, 0, Released: false),
    ];

    private readonly Column _type;
    private readonly Column? _months;
    private readonly Column? _release;
    private readonly Sentence?[] _sentenceOfValue;
    private readonly AliasTable _values;
    private int _chosen;

    private OffenceSentences(Column type, Column? months, Column? release)
    {
        _type = type;
        _months = months;
        _release = release;
        _sentenceOfValue = [.. type.Values.Select(v => Sentences.FirstOrDefault(s => string.Equals(s.Type, v, StringComparison.OrdinalIgnoreCase)))];
        _values = new AliasTable([.. _sentenceOfValue.Select(s => s?.Weight ?? 0.05)]);
    }

    public static OffenceSentences? For(IReadOnlyList<Column> columns)
    {
        var type = columns.FirstOrDefault(c => c.Kind == ColumnKind.Enum && c.Name == "sentence_type" && c.Values.Contains("custody"));
        return type is null
            ? null
            : new OffenceSentences(
                type,
                columns.FirstOrDefault(c => c.Kind == ColumnKind.Integer && c.Name == "sentence_months"),
                columns.FirstOrDefault(c => c.Kind == ColumnKind.Date && c.Name == "release_date"));
    }

    public void StartRow(ref SplitMix rng) => _chosen = _values.Sample(ref rng);

    /// <summary>Renders <paramref name="column"/> when it is one of the sentence columns; false otherwise.</summary>
    public bool TryRender(Column column, Span<char> text, DateOnly referenceDate, ref SplitMix rng, out int length)
    {
        var sentence = _sentenceOfValue[_chosen];
        length = -1;
        if (column == _type)
        {
            var value = _type.Values[_chosen]!;
            value.CopyTo(text);
            length = value.Length;
        }
        else if (column == _months)
        {
            if (sentence is { MaxMonths: > 0 } s)
            {
                var u = rng.NextDouble();
                var months = Math.Min((int)(column.Maximum ?? int.MaxValue), s.MinMonths + (int)((s.MaxMonths - s.MinMonths) * u * u));
                months.TryFormat(text, out length, provider: System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        else if (column == _release)
        {
            if (sentence is { Released: true })
            {
                length = column.Dates!.Format(referenceDate.AddDays(-rng.Between(0, 6 * 365)), text);
            }
        }
        else
        {
            return false;
        }

        if (length < 0 && column.Required)
        {
            // Not applicable, but the schema insists on a value.
            "0".CopyTo(text);
            length = column.Kind == ColumnKind.Date ? column.Dates!.Format(referenceDate, text) : 1;
        }

        return true;
    }

    private sealed record Sentence(string Type, double Weight, int MinMonths, int MaxMonths, bool Released);
}
