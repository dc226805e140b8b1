using System.CommandLine;

namespace LinkService.Cli;

internal static class CommonOptions
{
    public static Option<DirectoryInfo> Config { get; } = new("--config")
    {
        Description = "The configuration folder (appsettings.json, sources/, schemas/, projects/).",
        DefaultValueFactory = _ => new DirectoryInfo("config"),
        Recursive = true,
    };

    public static string ConfigDirectory(ParseResult parseResult) => parseResult.GetValue(Config)!.FullName;
}
