using System.Globalization;
using LinkService.Configuration.Sources;
using LinkService.Deliveries.Reading;
using LinkService.Deliveries.SetAside;
using LinkService.Deliveries.Store;

namespace LinkService.Deliveries;

/// <summary>
/// The rows of an accepted delivery, as linkage and every later stage take them: read by the same
/// <see cref="DeliveryReader"/> as validation, columns mapped to fields by the same <see cref="ColumnMap"/>,
/// and the rows validation set aside skipped. Each skipped row must be the row validation set aside (its
/// <see cref="RowFingerprint"/> matches), else reading fails: a row number that meant another row would
/// drop a valid record and keep a rejected one. Given the digest intake recorded, it checks the stored copy as it
/// reads it: the last <see cref="Read"/> (or the first that fails) throws <see cref="StoredCopyAlteredException"/>
/// when the copy's bytes are not those, so a caller has taken no row it can trust before the verdict.
/// </summary>
public sealed class AcceptedRows : IDisposable
{
    private readonly DeliveryReader _reader;
    private readonly SetAsideRows _setAside;
    private readonly string _deliveryId;
    private readonly string _sourceName;
    private readonly int[] _fieldToColumn;
    private int _skipped;

    private AcceptedRows(SourceDefinition source, string deliveryId, string path, SetAsideRows setAside, ReadLimits limits, StoredDigest? digest)
    {
        _deliveryId = deliveryId;
        _sourceName = source.Name;
        _setAside = setAside;
        _reader = OpenReader(source, deliveryId, path, limits, digest);
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
        catch (Exception ex) when (ex is not StoredCopyAlteredException)
        {
            // A header that does not read as validation read it may be an altered copy: say so if it is.
            ThrowIfAltered();
            throw;
        }
        finally
        {
            if (_fieldToColumn is null)
            {
                _reader.Dispose();
            }
        }
    }

    /// <summary>The current row's number in the delivery, as validation numbered it.</summary>
    public long Row => _reader.Row;

    /// <summary>The stored file's size in bytes (compressed, where the source is).</summary>
    public long FileBytes => _reader.FileBytes;

    /// <summary>The current row's length in the file, in bytes as decompressed: with <see cref="FileBytes"/>, how many rows may follow.</summary>
    public int RecordBytes => _reader.RecordBytes;

    /// <summary>The current row's cell count.</summary>
    public int Count => _reader.Count;

    /// <summary>Cell <paramref name="column"/> of the current row.</summary>
    public string this[int column] => _reader[column];

    /// <summary>The most characters cell <paramref name="column"/> of the current row can hold.</summary>
    public int MaxCellChars(int column) => _reader.MaxCellChars(column);

    /// <summary>Cell <paramref name="column"/> of the current row as bytes, quotes and all (<see cref="DeliveryReader.RawCell"/>): equal bytes, equal text.</summary>
    public ReadOnlySpan<byte> RawCell(int column) => _reader.RawCell(column);

    /// <summary>Copies cell <paramref name="column"/> of the current row into <paramref name="destination"/> (at least <see cref="MaxCellChars"/> long); returns its length.</summary>
    public int CopyCell(int column, Span<char> destination) => _reader.CopyCell(column, destination);

    public static AcceptedRows Open(SourceDefinition source, string deliveryId, string path, SetAsideRows setAside) =>
        new(source, deliveryId, path, setAside, ReadLimits.Default, digest: null);

    /// <summary>Opens a stored copy, checking as it reads that its bytes still have the <paramref name="digest"/> intake recorded.</summary>
    public static AcceptedRows Open(SourceDefinition source, string deliveryId, string path, SetAsideRows setAside, StoredDigest digest) =>
        new(source, deliveryId, path, setAside, ReadLimits.Default, digest);

    /// <summary>The column holding field <paramref name="fieldIndex"/> of the schema, or -1 when the delivery has none.</summary>
    public int ColumnOf(int fieldIndex) => _fieldToColumn[fieldIndex];

    /// <summary>Moves to the next accepted row.</summary>
    public bool Read()
    {
        try
        {
            return ReadAccepted();
        }
        catch (Exception ex) when (ex is not StoredCopyAlteredException and not OperationCanceledException)
        {
            // A row that does not read as validation read it may be an altered copy: say so if it is.
            ThrowIfAltered();
            throw;
        }
    }

    public void Dispose() => _reader.Dispose();

    private static DeliveryReader OpenReader(SourceDefinition source, string deliveryId, string path, ReadLimits limits, StoredDigest? digest)
    {
        if (digest is null)
        {
            return DeliveryReader.Open(source, path, limits);
        }

        try
        {
            return DeliveryReader.Open(source, path, limits, digest);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new StoredCopyAlteredException(deliveryId, source.Name, StoredDigest.Missing);
        }
    }

    private bool ReadAccepted()
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

        ThrowIfAltered();
        if (_skipped != _setAside.Count)
        {
            throw Mismatch($"{_setAside.Count - _skipped} row(s) validation set aside are past the end of the file");
        }

        return false;
    }

    private void ThrowIfAltered()
    {
        if (_reader.StoredCopyProblem() is { } problem)
        {
            throw new StoredCopyAlteredException(_deliveryId, _sourceName, problem);
        }
    }

    private InvalidDataException Mismatch(string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"delivery {_deliveryId}: {what}; the stored copy, or the way it is read, has changed since validation"));
}
