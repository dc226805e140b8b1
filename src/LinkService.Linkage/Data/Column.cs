using LinkService.Configuration.Projects.Linkage;

namespace LinkService.Linkage.Data;

/// <summary>
/// One canonical field over all records: an int per record. For text, an id in <see cref="Pool"/>;
/// for dates, <c>yyyyMMdd</c> as a number. Zero is missing.
/// </summary>
internal sealed class Column
{
    public Column(string field, StandardiseAs kind, int[] values, ValuePool? pool)
    {
        Field = field;
        Kind = kind;
        Values = values;
        Pool = pool;
        if (pool is not null)
        {
            Counts = new int[pool.Count];
            foreach (var v in values)
            {
                Counts[v]++;
            }

            NonMissing = values.Length - Counts[0];
        }
        else
        {
            Counts = [];
            NonMissing = values.Count(v => v != 0);
        }
    }

    public string Field { get; }

    public StandardiseAs Kind { get; }

    public int[] Values { get; }

    public ValuePool? Pool { get; }

    /// <summary>Per pool id, how many records hold it (term frequencies).</summary>
    public int[] Counts { get; }

    public long NonMissing { get; }

    public bool IsDate => Kind == StandardiseAs.Date;

    /// <summary>The value's share of the non-missing values.</summary>
    public double Frequency(int id) => NonMissing == 0 ? 1.0 : Math.Max(1, Counts[id]) / (double)NonMissing;
}
