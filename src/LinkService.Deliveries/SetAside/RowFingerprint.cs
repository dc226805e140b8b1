using System.IO.Hashing;
using System.Runtime.InteropServices;
using LinkService.Deliveries.Reading;

namespace LinkService.Deliveries.SetAside;

/// <summary>
/// What a set-aside row held, so a later reading can tell that the row it skips is the row validation set
/// aside: a 128-bit XxHash of the record's cells (their count, then each cell's length and characters). It
/// guards against a reading that numbers rows differently, not against an attacker: the store copy's digest
/// does that. It stays in the private store, beside the data it was taken from.
/// </summary>
public static class RowFingerprint
{
    public static UInt128 Of(DeliveryReader reader)
    {
        var hash = new XxHash128();
        var count = reader.Count;
        hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(ref count)));
        for (var i = 0; i < count; i++)
        {
            var cell = reader[i];
            var length = cell.Length;
            hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(ref length)));
            hash.Append(MemoryMarshal.AsBytes(cell.AsSpan()));
        }

        return hash.GetCurrentHashAsUInt128();
    }
}
