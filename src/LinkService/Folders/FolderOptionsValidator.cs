using LinkService.Configuration.Folders;
using Microsoft.Extensions.Options;

namespace LinkService.Folders;

/// <summary>
/// Checks the three roots are set and kept apart: the private work area must never sit inside a folder
/// departments or analysts can read, no root may contain another, and neither departments nor analysts may
/// reach the configuration (a department that could edit its source's schema would choose what is accepted). Compared where they really lead, links
/// followed: a work folder linked into a drop folder is in it. Failures read "Member: what is wrong", as
/// DataAnnotations validators' do.
/// </summary>
internal sealed class FolderOptionsValidator : IValidateOptions<FolderOptions>
{
    private readonly string _workingDirectory;
    private readonly string _configDirectory;

    public FolderOptionsValidator(string workingDirectory, string configDirectory)
    {
        _workingDirectory = workingDirectory;
        _configDirectory = configDirectory;
    }

    public ValidateOptionsResult Validate(string? name, FolderOptions options)
    {
        var failures = new List<string>();
        var roots = new (string Key, string? Value)[]
        {
            (nameof(FolderOptions.Drop), options.Drop), (nameof(FolderOptions.Work), options.Work), (nameof(FolderOptions.Export), options.Export),
        };
        foreach (var (key, _) in roots.Where(r => string.IsNullOrWhiteSpace(r.Value)))
        {
            failures.Add($"{key}: a folder is required");
        }

        if (failures.Count > 0)
        {
            return ValidateOptionsResult.Fail(failures);
        }

        var resolved = new List<(string Key, string Path)>();
        foreach (var (key, value) in roots)
        {
            var full = Path.GetFullPath(value!, _workingDirectory);
            try
            {
                resolved.Add((key, PhysicalPath.Resolve(full)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failures.Add($"{key}: cannot be resolved: {ex.Message}");
            }
        }

        foreach (var a in resolved)
        {
            foreach (var b in resolved.Where(b => b.Key != a.Key && PhysicalPath.IsWithin(b.Path, a.Path)))
            {
                var given = Path.GetFullPath(roots.Single(r => r.Key == b.Key).Value!, _workingDirectory);
                var via = given == b.Path ? "" : $" (through a link: it leads to {b.Path})";
                failures.Add($"{b.Key}: must not be inside the {a.Key} folder ({a.Path}){via}");
            }
        }

        var config = PhysicalPath.Resolve(_configDirectory);
        foreach (var (key, path) in resolved.Where(r => r.Key != nameof(FolderOptions.Work) && PhysicalPath.IsWithin(config, r.Path)))
        {
            failures.Add($"{key}: must not contain the configuration folder ({config}), or those who can write there can change it");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
