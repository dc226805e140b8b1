using System.Runtime.InteropServices;

namespace LinkService.Validation.Uniqueness;

/// <summary>A key's 128-bit hash and the data row it was first seen on. Row 0 marks an empty slot.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct KeyEntry(ulong Hi, ulong Lo, long Row) : IComparable<KeyEntry>
{
    public const int Size = 24;

    public bool IsEmpty => Row == 0;

    public bool SameKey(in KeyEntry other) => Hi == other.Hi && Lo == other.Lo;

    /// <summary>By hash, then row: in a merge, a key's first occurrence comes first.</summary>
    public int CompareTo(KeyEntry other)
    {
        var c = Hi.CompareTo(other.Hi);
        if (c != 0)
        {
            return c;
        }

        c = Lo.CompareTo(other.Lo);
        return c != 0 ? c : Row.CompareTo(other.Row);
    }

    public static bool operator <(KeyEntry left, KeyEntry right) => left.CompareTo(right) < 0;

    public static bool operator <=(KeyEntry left, KeyEntry right) => left.CompareTo(right) <= 0;

    public static bool operator >(KeyEntry left, KeyEntry right) => left.CompareTo(right) > 0;

    public static bool operator >=(KeyEntry left, KeyEntry right) => left.CompareTo(right) >= 0;
}
