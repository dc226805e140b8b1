using System.Globalization;

namespace LinkService.Deliveries.SetAside;

/// <summary>
/// The rows set aside from an accepted delivery, as intake keeps them beside the stored copy
/// (<see cref="Store.StoreFiles.SetAside"/>): one <c>row&lt;TAB&gt;fingerprint</c> line each, the fingerprint in hex.
/// </summary>
public sealed class SetAsideRows
{
    private readonly Dictionary<long, UInt128> _rows;

    public SetAsideRows(IEnumerable<SetAsideRow> rows) => _rows = rows.ToDictionary(r => r.Row, r => r.Fingerprint);

    public static SetAsideRows None { get; } = new([]);

    public int Count => _rows.Count;

    public bool TryGet(long row, out UInt128 fingerprint) => _rows.TryGetValue(row, out fingerprint);

    public static string Format(IEnumerable<SetAsideRow> rows) =>
        string.Concat(rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Row}\t{r.Fingerprint:x32}\n")));

    /// <summary>Reads a set-aside file; none there means no row was set aside.</summary>
    public static async Task<SetAsideRows> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return None;
        }

        var rows = new List<SetAsideRow>();
        var line = 0;
        await foreach (var text in File.ReadLinesAsync(path, cancellationToken))
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var tab = text.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0
                || !long.TryParse(text.AsSpan(0, tab), NumberStyles.None, CultureInfo.InvariantCulture, out var row)
                || !UInt128.TryParse(text.AsSpan(tab + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var fingerprint))
            {
                // An older file held row numbers alone, which a reading that numbered rows differently shifted silently.
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the set-aside file {Path.GetFileName(path)} is not in the row-and-fingerprint form at line {line}; validate the delivery again"));
            }

            rows.Add(new SetAsideRow(row, fingerprint));
        }

        return new SetAsideRows(rows);
    }
}
