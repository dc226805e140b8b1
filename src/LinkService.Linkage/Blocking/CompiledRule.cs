using LinkService.Configuration.Projects.Linkage;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Blocking;

/// <summary>A blocking rule bound to the records: per key, an int per record (0 where the key is missing).</summary>
internal sealed class CompiledRule
{
    public CompiledRule(int index, BlockingRuleSpec spec, RecordTable table)
    {
        Index = index;
        Spec = spec;
        Keys = [.. spec.Keys.Select(k => KeyValues(table.ColumnOrThrow(k.Field), k))];
        Fields = spec.Keys.Select(k => k.Field).ToHashSet(StringComparer.Ordinal);
    }

    public int Index { get; }

    public BlockingRuleSpec Spec { get; }

    public int[][] Keys { get; }

    public IReadOnlySet<string> Fields { get; }

    public string Name => Spec.DisplayName;

    /// <summary>A 64-bit hash of the record's keys; 0 when any key is missing.</summary>
    public ulong Hash(int record)
    {
        ulong hash = 14_695_981_039_346_656_037UL;
        for (var k = 0; k < Keys.Length; k++)
        {
            var v = KeyOf(k, record);
            if (v == 0)
            {
                return 0;
            }

            hash = (hash ^ (uint)v) * 1_099_511_628_211UL;
            hash ^= hash >> 29;
        }

        return hash == 0 ? 1 : hash;
    }

    /// <summary>
    /// The record's key <paramref name="k"/> as the rule compares it (0 where missing). Any order: the first two keys
    /// share the names' pool, so the smaller id first and the larger second make the pair a set; missing either name,
    /// both are missing.
    /// </summary>
    public int KeyOf(int k, int record)
    {
        if (!Spec.AnyOrder || k > 1)
        {
            return Keys[k][record];
        }

        var (first, second) = (Keys[0][record], Keys[1][record]);
        return first == 0 || second == 0 ? 0 : k == 0 ? Math.Min(first, second) : Math.Max(first, second);
    }

    private static int[] KeyValues(Column column, BlockingKeySpec key)
    {
        var values = column.Values;
        if (column.IsDate)
        {
            return key.Transform switch
            {
                KeyTransform.Year => [.. values.Select(v => v / 10_000)],
                KeyTransform.YearMonth => [.. values.Select(v => v / 100)],
                KeyTransform.Month => [.. values.Select(v => v / 100 % 100)],
                KeyTransform.MonthDay => [.. values.Select(v => v % 10_000)],
                _ => values,
            };
        }

        if (key.Transform == KeyTransform.Exact)
        {
            return values;
        }

        var map = column.Pool!.Derived(key.Transform, key.Transform == KeyTransform.Prefix ? key.Length : 0);
        var result = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = map[values[i]];
        }

        return result;
    }
}
