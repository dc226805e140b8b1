using System.Runtime.InteropServices;
using System.Security.Cryptography;
using LinkService.Linkage.Data;

namespace LinkService.Bench.Linkage;

/// <summary>
/// With LINKAGE_BENCH_HASH=1: a SHA-256 of every record id and every column's standardised values and ids (pool strings
/// in id order), so a change to reading or standardising can show it gives the same table.
/// </summary>
internal static class TableHash
{
    public static string Of(RecordTable table)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var s = 0; s < table.SourceNames.Count; s++)
        {
            var ids = table.RecordIds(s);
            for (var r = 0; r < ids.Count; r++)
            {
                hash.AppendData(MemoryMarshal.AsBytes(ids[r]));
                hash.AppendData([0, 0]);
            }
        }

        foreach (var (field, column) in table.Columns.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(field));
            hash.AppendData(MemoryMarshal.AsBytes(column.Values.AsSpan()));
            if (column.Pool is { } pool)
            {
                for (var id = 0; id < pool.Count; id++)
                {
                    hash.AppendData(MemoryMarshal.AsBytes(pool[id]));
                    hash.AppendData([0, 0]);
                }
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
