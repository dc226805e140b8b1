namespace LinkService.Cli;

/// <summary>Where a command writes, so that tests can run commands in-process and read what they print.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error);
