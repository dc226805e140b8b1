using System.Globalization;
using System.Text;
using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Packaging;

/// <summary>What the package says about itself: its name, title and description from the project, and when it was written.</summary>
internal sealed record PackageHeading(string Name, string Title, string Description, string Created)
{
    public static PackageHeading From(OutputRequest request, DateTimeOffset created) => new(
        Slug($"{request.Project.Name}-{request.RunId}"),
        $"{request.Project.Name}, run {request.RunId}",
        request.Project.Description ?? $"Linked, de-identified outputs of project {request.Project.Name}.",
        created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    /// <summary>A Data Package name: lower-case letters, digits, '-', '_' and '.'.</summary>
    public static string Slug(string text)
    {
        var name = new StringBuilder(text.Length);
        foreach (var ch in text.ToLowerInvariant())
        {
            name.Append(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '-');
        }

        return name.ToString();
    }
}
