using System.Globalization;
using LinkService.Configuration.Sources;
using LinkService.Deliveries.Reading;
using LinkService.Deliveries.SetAside;

namespace LinkService.Deliveries;

/// <summary>
/// The rows of an accepted delivery, as linkage and every later stage take them: read by the same
/// <see cref="DeliveryReader"/> as validation, columns mapped to fields by the same <see cref="ColumnMap"/>,
/// and the rows validation set aside skipped. Each skipped row must be the row validation set aside (its
/// <see cref="RowFingerprint"/> matches), else reading fails: a row number that meant another row would
/// drop a valid record and keep a rejected one.
/// </summary>
public sealed class AcceptedRows : IDisposable
{
    private readonly DeliveryReader _reader;
    private readonly SetAsideRows _setAside;
    private readonly string _deliveryId;
    private readonly int[] _fieldToColumn;
    private int _skipped;

    private AcceptedRows(SourceDefinition source, string deliveryId, string path, SetAsideRows setAside, ReadLimits limits)
    {
        _deliveryId = deliveryId;
        _setAside = setAside;
        _reader = DeliveryReader.Open(source, path, limits);
        try
        {
            var schema = source.SchemaOrThrow;
            var columnToField = ColumnMap.Positional(schema);
            if (source.Dialect.Header)
            {
                columnToField = _reader.Read() ? ColumnMap.FromLabels(schema, _reader.Cells()) : [];
            }

            _reader.ExpectColumns(Math.Max(columnToField.Length, schema.Fields.Count));
            _fieldToColumn = [.. Enumerable.Range(0, schema.Fields.Count).Select(f => Array.IndexOf(columnToField, f))];
        }
        catch
        {
            _reader.Dispose();
            throw;
        }
    }

    /// <summary>The current row's number in the delivery, as validation numbered it.</summary>
    public long Row => _reader.Row;

    /// <summary>The current row's cell count.</summary>
    public int Count => _reader.Count;

    /// <summary>Cell <paramref name="column"/> of the current row.</summary>
    public string this[int column] => _reader[column];

    public static AcceptedRows Open(SourceDefinition source, string deliveryId, string path, SetAsideRows setAside) =>
        new(source, deliveryId, path, setAside, ReadLimits.Default);

    /// <summary>The column holding field <paramref name="fieldIndex"/> of the schema, or -1 when the delivery has none.</summary>
    public int ColumnOf(int fieldIndex) => _fieldToColumn[fieldIndex];

    /// <summary>Moves to the next accepted row.</summary>
    public bool Read()
    {
        while (_reader.Read())
        {
            if (!_setAside.TryGet(_reader.Row, out var expected))
            {
                return true;
            }

            if (RowFingerprint.Of(_reader) != expected)
            {
                throw Mismatch($"row {_reader.Row} is not the row validation set aside there");
            }

            _skipped++;
        }

        if (_skipped != _setAside.Count)
        {
            throw Mismatch($"{_setAside.Count - _skipped} row(s) validation set aside are past the end of the file");
        }

        return false;
    }

    public void Dispose() => _reader.Dispose();

    private InvalidDataException Mismatch(string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"delivery {_deliveryId}: {what}; the stored copy, or the way it is read, has changed since validation"));
}
