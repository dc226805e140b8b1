namespace LinkService.Cli;

/// <summary>Where a command writes, so that tests can run commands in-process and read what they print.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error)
{
    /// <summary>Whether <see cref="Error"/> is a terminal a person watches (not a pipe or a file): <c>link</c> then draws a progress bar.</summary>
    public bool ErrorIsTerminal { get; init; }
}
