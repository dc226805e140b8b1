using LinkService.Configuration.Schemas;
using LinkService.Validation.Uniqueness;

namespace LinkService.Validation.Checking;

/// <summary>
/// The uniqueness checks of one schema: a detector per <c>unique</c> field and one for the primary key
/// (a single-field primary key that is also <c>unique</c> is checked once, as the primary key).
/// </summary>
internal sealed class UniqueKeys : IDisposable
{
    private readonly KeyHasher _hasher = new();
    private readonly string[] _keyParts;

    public UniqueKeys(TableSchema schema, long budgetBytes, string tempRoot)
    {
        PrimaryKeyFields = [.. schema.PrimaryKey.Select(name => IndexOf(schema, name))];
        var singlePk = PrimaryKeyFields.Length == 1 ? PrimaryKeyFields[0] : -1;
        UniqueFields = [.. Enumerable.Range(0, schema.Fields.Count).Where(f => schema.Fields[f].Constraints?.Unique == true && f != singlePk)];
        var detectors = UniqueFields.Length + (PrimaryKeyFields.Length > 0 ? 1 : 0);
        var share = detectors == 0 ? budgetBytes : Math.Max(1L << 20, budgetBytes / detectors);
        UniqueDetectors = [.. UniqueFields.Select(_ => new DuplicateDetector(share, tempRoot))];
        PrimaryKeyDetector = PrimaryKeyFields.Length > 0 ? new DuplicateDetector(share, tempRoot) : null;
        _keyParts = new string[PrimaryKeyFields.Length];
    }

    /// <summary>Field indexes with a <c>unique</c> constraint, each with its detector at the same position.</summary>
    public int[] UniqueFields { get; }

    public DuplicateDetector[] UniqueDetectors { get; }

    public int[] PrimaryKeyFields { get; }

    public DuplicateDetector? PrimaryKeyDetector { get; }

    public int SpilledRuns => UniqueDetectors.Sum(d => d.SpilledRuns) + (PrimaryKeyDetector?.SpilledRuns ?? 0);

    /// <summary>Records the row's keys; <paramref name="fieldCells"/> holds each field's valid cell, or null.</summary>
    public void Add(string?[] fieldCells, long row)
    {
        for (var i = 0; i < UniqueFields.Length; i++)
        {
            if (fieldCells[UniqueFields[i]] is { } cell)
            {
                UniqueDetectors[i].Add(KeyHasher.Hash(cell, row));
            }
        }

        if (PrimaryKeyDetector is null)
        {
            return;
        }

        for (var i = 0; i < PrimaryKeyFields.Length; i++)
        {
            if (fieldCells[PrimaryKeyFields[i]] is not { } cell)
            {
                return;
            }

            _keyParts[i] = cell;
        }

        PrimaryKeyDetector.Add(_keyParts.Length == 1 ? KeyHasher.Hash(_keyParts[0], row) : _hasher.Hash(_keyParts, row));
    }

    public bool Any => UniqueFields.Length > 0 || PrimaryKeyDetector is not null;

    public void Dispose()
    {
        foreach (var detector in UniqueDetectors)
        {
            detector.Dispose();
        }

        PrimaryKeyDetector?.Dispose();
    }

    private static int IndexOf(TableSchema schema, string name)
    {
        for (var f = 0; f < schema.Fields.Count; f++)
        {
            if (string.Equals(schema.Fields[f].Name, name, StringComparison.Ordinal))
            {
                return f;
            }
        }

        throw new InvalidOperationException($"Primary key field '{name}' is not in schema '{schema.Name}'.");
    }
}
