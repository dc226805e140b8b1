using System.Runtime.InteropServices;

namespace LinkService.Validation.Uniqueness;

/// <summary>
/// A key's hash and the data row it was first seen on, in 16 bytes: the hash's high 64 bits in <see cref="Hi"/>,
/// 32 more hash bits and the row (up to 2³² − 1) in <see cref="LoAndRow"/>. Row 0 marks an empty slot.
/// 96 bits of hash: two of ten million different keys share them with a chance of about 10⁻¹⁵.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct KeyEntry(ulong Hi, ulong LoAndRow) : IComparable<KeyEntry>
{
    public const int Size = 16;

    public KeyEntry(ulong hi, ulong lo, long row)
        : this(hi, (lo & 0xFFFF_FFFF_0000_0000UL) | (uint)row)
    {
    }

    public long Row => (uint)LoAndRow;

    public bool IsEmpty => (uint)LoAndRow == 0;

    public bool SameKey(in KeyEntry other) => Hi == other.Hi && (LoAndRow >> 32) == (other.LoAndRow >> 32);

    /// <summary>By hash, then row: in a merge, a key's first occurrence comes first.</summary>
    public int CompareTo(KeyEntry other)
    {
        var c = Hi.CompareTo(other.Hi);
        return c != 0 ? c : LoAndRow.CompareTo(other.LoAndRow);
    }

    public static bool operator <(KeyEntry left, KeyEntry right) => left.CompareTo(right) < 0;

    public static bool operator <=(KeyEntry left, KeyEntry right) => left.CompareTo(right) <= 0;

    public static bool operator >(KeyEntry left, KeyEntry right) => left.CompareTo(right) > 0;

    public static bool operator >=(KeyEntry left, KeyEntry right) => left.CompareTo(right) >= 0;
}
