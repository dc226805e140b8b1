namespace LinkService.Linkage.Model;

/// <summary>A key for the unordered pair of sources two records come from (the same source twice for duplicates).</summary>
internal static class SourcePairs
{
    public static int Of(int s, int t) => s <= t ? (s << 8) | t : (t << 8) | s;

    public static (int S, int T) Sources(int key) => (key >> 8, key & 0xFF);
}
