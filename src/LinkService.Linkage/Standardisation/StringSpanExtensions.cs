namespace LinkService.Linkage.Standardisation;

internal static class StringSpanExtensions
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span) => span.IndexOfAnyExceptInRange('0', '9') < 0;
}
