using LinkService.Configuration.Folders;
using Microsoft.Extensions.Options;

namespace LinkService.Folders;

/// <summary>
/// Checks the three roots are set and kept apart: the private work area must never sit inside a folder
/// departments or analysts can read, and no root may contain another.
/// </summary>
internal sealed class FolderOptionsValidator : IValidateOptions<FolderOptions>
{
    private readonly string _workingDirectory;

    public FolderOptionsValidator(string workingDirectory) => _workingDirectory = workingDirectory;

    public ValidateOptionsResult Validate(string? name, FolderOptions options)
    {
        var failures = new List<string>();
        var roots = new (string Key, string? Value)[] { ("Drop", options.Drop), ("Work", options.Work), ("Export", options.Export) };
        foreach (var (key, value) in roots.Where(r => string.IsNullOrWhiteSpace(r.Value)))
        {
            failures.Add($"{FolderOptions.SectionName}:{key}: a folder is required");
        }

        if (failures.Count == 0)
        {
            var full = roots.Select(r => (r.Key, Path: WithSeparator(Path.GetFullPath(r.Value!, _workingDirectory)))).ToList();
            foreach (var a in full)
            {
                foreach (var b in full.Where(b => b.Key != a.Key && b.Path.StartsWith(a.Path, StringComparison.Ordinal)))
                {
                    failures.Add($"{FolderOptions.SectionName}:{b.Key}: must not be inside the {a.Key} folder ({a.Path})");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string WithSeparator(string path) =>
        Path.EndsInDirectorySeparator(path) ? path : path + Path.DirectorySeparatorChar;
}
