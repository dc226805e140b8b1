using System.Buffers.Text;
using LinkService.Configuration.Schemas;

namespace LinkService.Validation.Cells;

/// <summary>Checks that a cell reads as its field's type, yielding a number or ticks for bound checks.</summary>
internal sealed class CellTypeCheck
{
    private static readonly string[] DefaultTrue = ["true", "True", "TRUE", "1"];
    private static readonly string[] DefaultFalse = ["false", "False", "FALSE", "0"];

    private readonly FieldType _type;
    private readonly string? _stringFormat;
    private readonly NumberText? _number;
    private readonly TemporalText? _temporal;
    private readonly StringSet? _booleans;

    public CellTypeCheck(SchemaField field)
    {
        _type = field.Type;
        switch (field.Type)
        {
            case FieldType.Integer or FieldType.Number:
                _number = new NumberText(field.DecimalChar, field.GroupChar, field.BareNumber);
                Description = field.Type == FieldType.Integer ? "an integer" : "a number";
                break;
            case FieldType.Date or FieldType.Datetime:
                _temporal = new TemporalText(field.Type, field.Format);
                Description = _temporal.Description;
                break;
            case FieldType.Boolean:
                var trueValues = field.TrueValues ?? DefaultTrue;
                var falseValues = field.FalseValues ?? DefaultFalse;
                _booleans = new StringSet(trueValues.Concat(falseValues));
                Description = $"a boolean ({string.Join(", ", trueValues.Concat(falseValues))})";
                break;
            case FieldType.Year:
                Description = "a four-digit year";
                break;
            default:
                _stringFormat = field.Format is null or "default" ? null : field.Format;
                Description = _stringFormat is null ? "a string" : $"a string in the {_stringFormat} format";
                break;
        }
    }

    /// <summary>What a valid cell looks like, for messages: "a date in the format %d/%m/%Y".</summary>
    public string Description { get; }

    /// <summary>What a valid cell looks like, as a department reads it: "dd/mm/yyyy", "an integer".</summary>
    public string Expected => _temporal?.Expected ?? Description;

    /// <summary>True for dates and times, whose failing values are worth telling apart by layout.</summary>
    public bool IsTemporal => _temporal is not null;

    /// <summary>Bounds compare <paramref name="number"/> (NaN when not numeric) and <paramref name="ticks"/> (0 when not temporal).</summary>
    public bool TryRead(string cell, out double number, out long ticks)
    {
        number = double.NaN;
        ticks = 0;
        switch (_type)
        {
            case FieldType.Integer:
                return _number!.TryInteger(cell, out number);
            case FieldType.Number:
                return _number!.TryNumber(cell, out number);
            case FieldType.Date or FieldType.Datetime:
                return _temporal!.TryParse(cell, out ticks);
            case FieldType.Boolean:
                return _booleans!.Contains(cell);
            case FieldType.Year:
                if (cell.Length != 4 || !int.TryParse(cell, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
                {
                    return false;
                }

                number = year;
                return true;
            default:
                return _stringFormat is null || IsInStringFormat(cell);
        }
    }

    private bool IsInStringFormat(string cell) => _stringFormat switch
    {
        "email" => IsEmail(cell),
        "uri" => Uri.TryCreate(cell, UriKind.Absolute, out _),
        "uuid" => Guid.TryParse(cell, out _),
        "binary" => Base64.IsValid(cell),
        _ => true,
    };

    private static bool IsEmail(ReadOnlySpan<char> cell)
    {
        var at = cell.IndexOf('@');
        return at > 0 && at == cell.LastIndexOf('@') && at < cell.Length - 1
            && cell[(at + 1)..].Contains('.') && !cell.ContainsAny(" \t\r\n");
    }
}
