using LinkService.Configuration.Folders;
using Microsoft.Extensions.Configuration;

namespace LinkService.Hosting;

/// <summary>
/// Serilog file paths in appsettings.json may start with <c>{Work}</c>: the logs then live in the
/// private work area wherever the custodian puts it, not beside whatever folder the service started in.
/// </summary>
internal static class LogPaths
{
    public const string WorkToken = "{Work}";

    /// <summary>
    /// A one-shot command prints its result on standard output; its log lines go to standard error so
    /// that the two never interleave and the result can be piped.
    /// </summary>
    public static void ConsoleToStandardError(ConfigurationManager configuration) => SetConsoleArgument(configuration, "standardErrorFromLevel", "Verbose");

    /// <summary>
    /// The console sinks print warnings and errors only: where a progress bar is redrawn on the terminal, the
    /// information lines (all still in the log file) would break it up, and the bar says what they say.
    /// </summary>
    public static void ConsoleWarningsOnly(ConfigurationManager configuration) => SetConsoleArgument(configuration, "restrictedToMinimumLevel", "Warning");

    public static void ResolveWorkToken(ConfigurationManager configuration, string workingDirectory)
    {
        var work = configuration.GetSection(FolderOptions.SectionName)[nameof(FolderOptions.Work)] ?? new FolderOptions().Work;
        var workRoot = Path.GetFullPath(work, workingDirectory);
        var overrides = configuration.GetSection("Serilog").AsEnumerable()
            .Where(kv => kv.Value is not null && kv.Key.EndsWith(":path", StringComparison.OrdinalIgnoreCase) && kv.Value.StartsWith(WorkToken, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => (string?)(workRoot + kv.Value![WorkToken.Length..]), StringComparer.OrdinalIgnoreCase);
        if (overrides.Count > 0)
        {
            configuration.AddInMemoryCollection(overrides);
        }
    }

    /// <summary>
    /// The configuration with Serilog's sinks reduced to the console ones: a command that only reads must not create
    /// the work folder's logs folder (nor a work folder, run from the wrong directory) by writing a log file.
    /// </summary>
    public static IConfiguration ConsoleSinksOnly(IConfiguration configuration)
    {
        var dropped = configuration.GetSection("Serilog:WriteTo").GetChildren()
            .Where(sink => !string.Equals(sink["Name"], "Console", StringComparison.OrdinalIgnoreCase))
            .Select(sink => sink.Path)
            .ToList();
        var kept = configuration.GetSection("Serilog").AsEnumerable().Where(kv => !dropped.Any(sink => IsWithin(kv.Key, sink)));
        return new ConfigurationBuilder().AddInMemoryCollection(kept).Build();
    }

    /// <summary>Gives every console sink in the Serilog section one argument's value.</summary>
    private static void SetConsoleArgument(ConfigurationManager configuration, string argument, string value)
    {
        var overrides = configuration.GetSection("Serilog:WriteTo").GetChildren()
            .Where(sink => string.Equals(sink["Name"], "Console", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(sink => $"{sink.Path}:Args:{argument}", _ => (string?)value, StringComparer.OrdinalIgnoreCase);
        if (overrides.Count > 0)
        {
            configuration.AddInMemoryCollection(overrides);
        }
    }

    private static bool IsWithin(string key, string section) =>
        key.Equals(section, StringComparison.OrdinalIgnoreCase) || key.StartsWith(section + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase);
}
