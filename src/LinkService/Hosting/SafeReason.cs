namespace LinkService.Hosting;

/// <summary>
/// What may be said about a failure. A library's exception (a CSV parser's, say) can quote the record it
/// failed on; our own code's messages name deliveries, rows and fields, never values, and file system errors
/// name paths, so only those are repeated in the ledger, the log and the console.
/// </summary>
internal static class SafeReason
{
    public static string Of(Exception exception) => MayBeRepeated(exception)
        ? exception.Message
        : $"{exception.GetType().Name} (message withheld: it may quote data)";

    /// <summary>An exception carrying the original's type and stack trace but, unless it is ours, not its message.</summary>
    public static Exception Strip(Exception exception) => MayBeRepeated(exception) ? exception : new WithheldException(exception);

    // File system errors name paths and reasons, not what a file holds, and say what an operator must fix.
    private static bool MayBeRepeated(Exception exception) =>
        exception is IOException or UnauthorizedAccessException
        || exception.TargetSite?.DeclaringType?.Namespace?.StartsWith("LinkService", StringComparison.Ordinal) == true;

    private sealed class WithheldException(Exception inner)
        : Exception($"{inner.GetType().FullName}: message withheld{Environment.NewLine}{inner.StackTrace}");
}
