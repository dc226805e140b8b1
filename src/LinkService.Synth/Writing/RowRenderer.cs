using System.Globalization;
using LinkService.Configuration.Sources;
using LinkService.Synth.Columns;
using LinkService.Synth.Departments;
using LinkService.Synth.Names;
using LinkService.Synth.Population;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Writing;

/// <summary>
/// Renders a batch of one source's records into CSV rows and truth rows in memory. Each record
/// depends only on its person, its copy number and its index, so batches can be rendered on any
/// thread in any order and still give the same bytes. One renderer per thread.
/// </summary>
internal sealed class RowRenderer
{
    private readonly string _source;
    private readonly IReadOnlyList<Column> _columns;
    private readonly KeyFormat _keys;
    private readonly ulong _stream;
    private readonly PersonFactory _people;
    private readonly RecordVariation _variation;
    private readonly IdentifierRenderer _identifiers;
    private readonly ContentRenderer _content;
    private readonly char[] _key;
    private readonly Dictionary<Variation, string> _variationNames = [];

    public RowRenderer(SourceDefinition source, SourcePlan plan, IReadOnlyList<Column> columns, KeyFormat keys, PersonFactory people, NameTables names, DateOnly referenceDate)
    {
        _source = source.Name;
        _columns = columns;
        _keys = keys;
        _stream = plan.Stream;
        _people = people;
        var dayMonthAmbiguous = columns.Any(c => c.Kind == ColumnKind.DateOfBirth && c.Dates!.DayMonthAmbiguous);
        _variation = new RecordVariation(plan.Profile, names, RequiredIdentifiers.Of(columns), dayMonthAmbiguous);
        _identifiers = new IdentifierRenderer(plan.Profile, names);
        _content = new ContentRenderer(referenceDate, plan.Profile.ContentMissing, OffenceSentences.For(columns));
        _key = new char[keys.MaxLength + 1];
        Rows = new CsvRowWriter(source.Dialect);
        Truth = new CsvRowWriter(new CsvDialect());
    }

    /// <summary>The rendered extract rows.</summary>
    public CsvRowWriter Rows { get; }

    /// <summary>The rendered truth rows (source,record_id,person_id,variations).</summary>
    public CsvRowWriter Truth { get; }

    /// <summary>
    /// Renders positions [<paramref name="from"/>, <paramref name="from"/> + <paramref name="count"/>) of a
    /// pass, the first of which is record number <paramref name="firstIndex"/> of the file.
    /// </summary>
    public void Render(RecordPass pass, long from, int count, long firstIndex)
    {
        Span<char> personId = stackalloc char[24];
        for (var i = 0; i < count; i++)
        {
            var index = firstIndex + i;
            var person = _people.Create(pass.PersonAt(from + i));
            var rng = SplitMix.For(_stream, (ulong)index);
            var identity = _variation.Create(person, pass.Number, ref rng);
            var key = _key.AsSpan(0, _keys.Format(index, _key));
            Row(key, ref identity, ref rng);

            person.Id.TryFormat(personId, out var idLength, provider: CultureInfo.InvariantCulture);
            Truth.Field(_source);
            Truth.Field(key);
            Truth.Field(personId[..idLength]);
            Truth.Field(VariationNamesOf(identity.Variations));
            Truth.EndRow();
        }
    }

    private string VariationNamesOf(Variation variations)
    {
        if (!_variationNames.TryGetValue(variations, out var names))
        {
            _variationNames[variations] = names = VariationNames.Format(variations);
        }

        return names;
    }

    private void Row(ReadOnlySpan<char> key, ref RecordIdentity identity, ref SplitMix rng)
    {
        _content.StartRow(ref rng);
        foreach (var column in _columns)
        {
            switch (column.Kind)
            {
                case ColumnKind.Key:
                    Rows.Field(key);
                    break;
                case < ColumnKind.Enum:
                    _identifiers.Write(Rows, column, ref identity, ref rng);
                    break;
                default:
                    _content.Write(Rows, column, ref rng);
                    break;
            }
        }

        Rows.EndRow();
    }
}
