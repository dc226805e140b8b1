namespace LinkService.Outputs.Disclosure;

/// <summary>Groups (one label per groupBy column) equal when every label is, ordinally.</summary>
internal sealed class GroupComparer : IEqualityComparer<string[]>, IComparer<string[]>
{
    public static GroupComparer Instance { get; } = new();

    public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

    public int GetHashCode(string[] obj)
    {
        var hash = new HashCode();
        foreach (var label in obj)
        {
            hash.Add(label, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public int Compare(string[]? x, string[]? y)
    {
        for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
        {
            var c = string.CompareOrdinal(x[i], y[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}
