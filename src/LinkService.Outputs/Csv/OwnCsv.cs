using System.Globalization;
using CsvHelper;

namespace LinkService.Outputs.Csv;

/// <summary>
/// Reads the CSV files the service writes itself (a run folder's links.csv and persons.csv, an output's record files):
/// RFC 4180, a header row, UTF-8, read by CsvHelper's reader; a row's cells are lent as characters until the next
/// read, so millions of rows cost no string each. Never used on a delivery: those are read by LinkService.Deliveries alone.
/// </summary>
internal sealed class OwnCsv : IDisposable
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with { Separator = ',' };

    private readonly CsvReader _csv;
    private readonly string _name;
    private readonly char[][] _cells;
    private readonly int[] _lengths;
    private long _row;

    private OwnCsv(string path, int? columns)
    {
        _csv = CsvReader.FromFile(path, Options);
        try
        {
            _name = Path.GetFileName(path);
            if (columns is null)
            {
                _csv.ReadHeader();
            }

            Header = columns is null ? [.. _csv.Headers] : [];
            _cells = [.. Enumerable.Range(0, columns ?? Header.Count).Select(_ => new char[64])];
            _lengths = new int[_cells.Length];
        }
        catch
        {
            _csv.Dispose();
            throw;
        }
    }

    /// <summary>The header's names, when opened by <see cref="OpenWithHeader"/>.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The current row's line in the file, the header being line 1 (exact where no cell holds a line break, as in the run's files).</summary>
    public long Line => _row + 1;

    /// <summary>Cell <paramref name="column"/> of the current row, valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<char> this[int column] => _cells[column].AsSpan(0, _lengths[column]);

    /// <summary>Opens a file whose rows have <paramref name="columns"/> cells each; its header is skipped.</summary>
    public static OwnCsv Open(string path, int columns) => new(path, columns);

    /// <summary>Opens a file and reads its header; each row has a cell per name in it.</summary>
    public static OwnCsv OpenWithHeader(string path) => new(path, null);

    /// <summary>Moves to the next row; a row with another number of cells fails the reading.</summary>
    public bool Read(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_csv.Read())
        {
            return false;
        }

        _row++;
        if (_csv.FieldCount != _cells.Length)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{_name}: line {Line} has {_csv.FieldCount} fields, not {_cells.Length}"));
        }

        for (var c = 0; c < _cells.Length; c++)
        {
            // A field's UTF-8 bytes are at least as many as its characters.
            var most = _csv.GetRawSpan(c).Length;
            if (_cells[c].Length < most)
            {
                _cells[c] = new char[Math.Max(most, 2 * _cells[c].Length)];
            }

            _lengths[c] = _csv.GetChars(c, _cells[c]);
        }

        return true;
    }

    public void Dispose() => _csv.Dispose();
}
