using System.Text.RegularExpressions;

namespace LinkService.Intake.Scanning;

/// <summary>File-name globs (<c>*</c> any run, <c>?</c> one character), matched case-insensitively against the whole name.</summary>
internal sealed class NamePatterns
{
    private readonly Regex[] _patterns;

    public NamePatterns(IEnumerable<string> globs)
    {
        _patterns = [.. globs.Select(ToRegex)];
    }

    public bool Matches(string fileName) => _patterns.Any(p => p.IsMatch(fileName));

    private static Regex ToRegex(string glob)
    {
        var pattern = "^" + Regex.Escape(glob).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "\\z";
        return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }
}
