using System.Buffers;
using System.Globalization;
using LinkService.Configuration.Schemas;
using LinkService.Deliveries.Reading;
using LinkService.Validation.Cells;
using LinkService.Validation.Header;
using LinkService.Validation.Report;

namespace LinkService.Validation.Checking;

/// <summary>
/// Checks one data row after another: field count (a row with the wrong count has none of its cells checked), blank rows, quoting, field length, undecodable bytes,
/// each cell's type and constraints, and unique and primary keys. A valid row allocates nothing here.
/// </summary>
internal sealed class RowChecker
{
    private static readonly SearchValues<char> Undecodable = SearchValues.Create([CountingDecoderFallback.Marker, '\0']);

    private readonly FieldRule[] _rules;
    private readonly int[] _columnToField;
    private readonly int _columns;
    private readonly int _maxFieldLength;
    private readonly UniqueKeys _keys;
    private readonly ReportBuilder _report;
    private readonly string?[] _fieldCells;
    private string[] _cells = [];
    private bool _scanCells;

    public RowChecker(FieldRule[] rules, HeaderMatch header, int maxFieldLength, UniqueKeys keys, ReportBuilder report)
    {
        _rules = rules;
        _columnToField = header.ColumnToField;
        _columns = header.ColumnToField.Length;
        _maxFieldLength = maxFieldLength;
        _keys = keys;
        _report = report;
        _fieldCells = new string?[rules.Length];
    }

    /// <summary>The error types of the last row checked, for the rejects file.</summary>
    public List<string> RowErrorTypes { get; } = [];

    /// <summary>Checks the parser's current record; true when the row must be set aside.</summary>
    public bool Check(RowBatch batch, int index, long row)
    {
        RowErrorTypes.Clear();
        var count = batch.Counts[index];
        var line = batch.Lines[index];
        var quote = batch.Quotes[index];
        _cells = batch.Cells[index];
        _scanCells = batch.ScanCells[index];
        var blank = true;
        for (var i = 0; i < count; i++)
        {
            blank &= _cells[i].Length == 0;
        }

        if (quote != QuoteProblem.None)
        {
            var unclosed = quote == QuoteProblem.Unclosed;
            Error(ErrorTypes.Quote, row, line, null, null, unclosed ? "opens a quoted field that is never closed" : "has a quote character out of place", unclosed
                ? "a quoted field is opened and never closed: the rest of the file was read into it"
                : "a quote character is out of place (inside an unquoted field, or text follows a closing quote)");
        }

        if (blank)
        {
            Error(ErrorTypes.BlankRow, row, line, null, null, "is blank", "the row is blank");
            return true;
        }

        // With a cell too many or too few, no cell can be trusted to be in its column (an extra delimiter puts
        // a reference number under 'offence_group'): say so, and check none of them.
        if (count != _columns)
        {
            FieldCountError(count, row, line);
            return true;
        }

        Array.Clear(_fieldCells);
        for (var col = 0; col < count; col++)
        {
            CheckCell(col, row, line);
        }

        if (_keys.Any)
        {
            _keys.Add(_fieldCells, row);
        }

        return RowErrorTypes.Count > 0;
    }

    private void FieldCountError(int count, long row, long line)
    {
        if (count > _columns)
        {
            Error(ErrorTypes.ExtraCell, row, line, null, _columns + 1, "has more fields than the header", string.Create(CultureInfo.InvariantCulture, $"the row has {count} fields where the header has {_columns}"));
        }
        else if (count < _columns)
        {
            var field = _columnToField[count] >= 0 ? _rules[_columnToField[count]].Name : null;
            Error(ErrorTypes.MissingCell, row, line, field, count + 1, "has fewer fields than the header", string.Create(CultureInfo.InvariantCulture, $"the row has {count} fields where the header has {_columns}"));
        }
    }

    private void CheckCell(int col, long row, long line)
    {
        var cell = _cells[col];
        var f = _columnToField[col];
        var rule = f >= 0 ? _rules[f] : null;
        if (cell.Length > _maxFieldLength)
        {
            Error(ErrorTypes.CellSize, row, line, rule?.Name, col + 1, "is longer than the source's maximum field length", string.Create(CultureInfo.InvariantCulture, $"the field is {cell.Length:N0} characters long, more than the source's maximum of {_maxFieldLength:N0}"));
            return;
        }

        if (_scanCells && cell.AsSpan().ContainsAny(Undecodable))
        {
            Error(ErrorTypes.Encoding, row, line, rule?.Name, col + 1, "holds bytes that are not valid text in the source's encoding", "the field holds bytes that are not valid text in the source's encoding");
            return;
        }

        if (rule is not { HasChecks: true })
        {
            return;
        }

        var fault = rule.Check(cell);
        if (fault == CellFault.None)
        {
            _fieldCells[f] = cell;
        }
        else if (fault != CellFault.Missing)
        {
            var type = CellMessages.ErrorType(fault);

            // The layouts the value reads as, so the report can say which format a consistent mistake follows.
            var shapes = fault == CellFault.Type && rule.TypeCheck.IsTemporal ? DateShapes.Of(cell) : 0;
            if (_report.Count(type, row, line, rule.Name, col + 1, CellMessages.Problem(rule, fault), shapes))
            {
                _report.AddDetail(new ValidationError(type, CellMessages.Describe(rule, fault), row, line, rule.Name, col + 1));
            }

            RowErrorTypes.Add(type);
        }
    }

    private void Error(string type, long row, long line, string? field, int? column, string problem, string message)
    {
        RowErrorTypes.Add(type);
        if (_report.Count(type, row, line, field, column, problem))
        {
            _report.AddDetail(new ValidationError(type, message, row, line, field, column));
        }
    }
}
