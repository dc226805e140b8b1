using LinkService.Cli;

namespace LinkService.Tests.Support;

/// <summary>Runs the command line in-process and keeps what it printed.</summary>
internal static class Cli
{
    public static async Task<CliResult> RunAsync(params string[] args)
        => await RunAsync(CancellationToken.None, args);

    public static async Task<CliResult> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, output, error, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Asserts the exit code, showing everything the command printed when it differs.</summary>
    public void AssertExitCode(int expected) =>
        Assert.True(ExitCode == expected, $"exit code {ExitCode}, expected {expected}.\nstdout:\n{Output}\nstderr:\n{Error}");
}
