namespace LinkService.Outputs.Persons;

/// <summary>A record by its source and record key, ordered ordinally (source first) wherever an order decides.</summary>
internal readonly record struct RecordRef(string Source, string Key) : IComparable<RecordRef>
{
    public int CompareTo(RecordRef other)
    {
        var bySource = string.CompareOrdinal(Source, other.Source);
        return bySource != 0 ? bySource : string.CompareOrdinal(Key, other.Key);
    }

    public static bool operator <(RecordRef left, RecordRef right) => left.CompareTo(right) < 0;

    public static bool operator >(RecordRef left, RecordRef right) => left.CompareTo(right) > 0;

    public static bool operator <=(RecordRef left, RecordRef right) => left.CompareTo(right) <= 0;

    public static bool operator >=(RecordRef left, RecordRef right) => left.CompareTo(right) >= 0;
}
