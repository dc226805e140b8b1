using System.Globalization;
using System.Text;
using LinkService.Configuration.Sources;
using LinkService.Synth.Columns;
using LinkService.Synth.Departments;
using LinkService.Synth.Names;
using LinkService.Synth.Population;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Writing;

/// <summary>
/// Streams one source's extract to disk, row by row, with a part of the truth file beside it.
/// Nothing is kept per record, so the size of the extract is bounded only by the disk.
/// </summary>
internal sealed class ExtractWriter
{
    private const int BufferSize = 1 << 20;
    private const int CancellationCheckEvery = 1 << 16;
    private readonly SourceDefinition _source;
    private readonly SourcePlan _plan;
    private readonly PersonFactory _people;
    private readonly IReadOnlyList<Column> _columns;
    private readonly KeyFormat _keys;
    private readonly RecordVariation _variation;
    private readonly IdentifierRenderer _identifiers;
    private readonly ContentRenderer _content;

    public ExtractWriter(SourceDefinition source, SourcePlan plan, PersonFactory people, NameTables names, DateOnly referenceDate)
    {
        _source = source;
        _plan = plan;
        _people = people;
        var schema = source.SchemaOrThrow;
        _columns = ColumnPlanner.For(schema);
        var keySeed = SplitMix.Combine(plan.Stream, SplitMix.Hash("keys"));
        _keys = KeyFormat.FromPattern(schema.KeyField?.Constraints?.Pattern, keySeed) ?? KeyFormat.Sequential("");
        _variation = new RecordVariation(plan.Profile, names.Nicknames);
        _identifiers = new IdentifierRenderer(plan.Profile, names);
        _content = new ContentRenderer(referenceDate, plan.Profile.ContentMissing);
    }

    /// <summary>Writes the extract to <paramref name="path"/> and its truth rows to <paramref name="truthPath"/>; returns the number of records.</summary>
    public long Write(string path, string truthPath, CancellationToken cancellationToken)
    {
        using var file = new StreamWriter(path, append: false, DeliveryText.EncodingOf(_source.Dialect), BufferSize);
        using var truthFile = new StreamWriter(truthPath, append: false, new UTF8Encoding(false), BufferSize);
        var csv = new CsvRowWriter(file, _source.Dialect);
        var truth = new CsvRowWriter(truthFile, new CsvDialect());
        if (_source.Dialect.Header)
        {
            foreach (var column in _columns)
            {
                csv.Field(column.Name);
            }

            csv.EndRow();
        }

        Span<char> key = stackalloc char[_keys.MaxLength + 1];
        Span<char> personId = stackalloc char[24];
        var index = 0L;
        foreach (var (k, copy) in _plan.Records())
        {
            if (index % CancellationCheckEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if ((ulong)index >= _keys.Capacity)
            {
                throw new InvalidOperationException($"Source '{_source.Name}' needs more records than its key pattern has distinct values ({_keys.Capacity}).");
            }

            var person = _people.Create(k);
            var rng = SplitMix.For(_plan.Stream, (ulong)index);
            var identity = _variation.Create(person, copy, ref rng);
            var keyLength = _keys.Format(index, key);
            WriteRow(csv, key[..keyLength], identity, ref rng);

            person.Id.TryFormat(personId, out var idLength, provider: CultureInfo.InvariantCulture);
            truth.Field(_source.Name);
            truth.Field(key[..keyLength]);
            truth.Field(personId[..idLength]);
            truth.EndRow();
            index++;
        }

        csv.Flush();
        truth.Flush();
        return index;
    }

    private void WriteRow(CsvRowWriter csv, ReadOnlySpan<char> key, in RecordIdentity identity, ref SplitMix rng)
    {
        _content.StartRow();
        foreach (var column in _columns)
        {
            switch (column.Kind)
            {
                case ColumnKind.Key:
                    csv.Field(key);
                    break;
                case < ColumnKind.Enum:
                    _identifiers.Write(csv, column, identity, ref rng);
                    break;
                default:
                    _content.Write(csv, column, ref rng);
                    break;
            }
        }

        csv.EndRow();
    }
}
