namespace LinkService.Cli;

/// <summary>The exit codes every command keeps to (DESIGN.md).</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The work found a problem: an invalid file, a failed check.</summary>
    public const int Problem = 1;

    /// <summary>Bad usage or bad configuration.</summary>
    public const int UsageOrConfiguration = 2;
}
