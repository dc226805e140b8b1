using System.Globalization;
using CsvHelper;

namespace LinkService.Outputs.Persons;

/// <summary>
/// Reads the run folder's own CSV files (links.csv, persons.csv): RFC 4180, a header row, UTF-8, read by CsvHelper's
/// reader; a row's cells are lent as characters until the next read, so millions of rows cost no string each. Never
/// used on a delivery: those are read by LinkService.Deliveries alone.
/// </summary>
internal sealed class RunCsv : IDisposable
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with { Separator = ',' };

    private readonly CsvReader _csv;
    private readonly string _name;
    private readonly char[][] _cells;
    private readonly int[] _lengths;
    private long _row;

    private RunCsv(string path, int columns)
    {
        _csv = CsvReader.FromFile(path, Options);
        _name = Path.GetFileName(path);
        _cells = [.. Enumerable.Range(0, columns).Select(_ => new char[64])];
        _lengths = new int[columns];
    }

    /// <summary>The current row's line in the file (the header is line 1; no cell holds a line break).</summary>
    public long Line => _row + 1;

    /// <summary>Cell <paramref name="column"/> of the current row, valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<char> this[int column] => _cells[column].AsSpan(0, _lengths[column]);

    /// <summary>Opens a file whose rows have <paramref name="columns"/> cells each.</summary>
    public static RunCsv Open(string path, int columns) => new(path, columns);

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
