namespace LinkService.Linkage.Comparison;

/// <summary>Name variants a nickname table does not list: short forms (a name moved among the forenames: <see cref="WordIds"/>).</summary>
internal static class NameForms
{
    /// <summary>The letters two names must share at the start when the shorter is not all of them: KAT(E) / KAT(HERINE).</summary>
    public const int SharedStart = 3;

    /// <summary>
    /// The shorter name (two letters or more, shorter than the other) begins the longer one, or they share their first
    /// three letters: JO / JOANNE, KATE / KATHERINE, SAM / SAMUEL. Initials are the 'initial' level's business.
    /// </summary>
    public static bool ShortForm(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var shorter = Math.Min(a.Length, b.Length);
        if (shorter < 2 || a.Length == b.Length)
        {
            return false;
        }

        var shared = a.CommonPrefixLength(b);
        return shared == shorter || shared >= SharedStart;
    }
}
