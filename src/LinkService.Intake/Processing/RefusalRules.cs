using System.Globalization;
using LinkService.Configuration.Sources;
using LinkService.Intake.Scanning;

namespace LinkService.Intake.Processing;

/// <summary>What a landing zone refuses outright, before it copies a byte.</summary>
internal static class RefusalRules
{
    public const string Link = "the file is a symbolic link; links are never followed, and it was removed";
    public const string HardLink = "the file has another name (a hard link); a file with more than one name is never read, and only this name of it was removed";
    public const string Empty = "the file is empty";

    /// <summary>A file whose last record stayed cut off: taken as it is, its last row would be a part row that may pass as whole.</summary>
    public static string CutOff(TimeSpan waited) =>
        $"the file's last record is cut off (no line end after it, or a quoted field left open) and nothing more came for {Waiting.WaitsFor.Describe(waited)}; if the upload stopped short, deliver the whole file again";
    public const string InSubFolder = "the file is in a sub-folder; deliveries are taken only from the top of the drop folder";

    public static string NameMismatch(SourceDefinition source) =>
        $"the file name does not match the source's pattern '{source.FilePattern}'";

    public static string TooLarge(SourceDefinition source) =>
        string.Create(CultureInfo.InvariantCulture, $"the file is larger than the source's limit of {source.MaxBytes} bytes");

    public static IReadOnlyList<string> Check(SourceDefinition source, DropEntry entry)
    {
        if (DropNames.Problem(entry.Name) is { } problem)
        {
            return [problem];
        }

        if (entry.InSubFolder)
        {
            return [InSubFolder];
        }

        if (entry.IsLink)
        {
            return [Link];
        }

        if (entry.HasOtherNames)
        {
            return [HardLink];
        }

        var reasons = new List<string>();
        if (!source.MatchesFileName(entry.Name))
        {
            reasons.Add(NameMismatch(source));
        }

        if (entry.Length == 0)
        {
            reasons.Add(Empty);
        }
        else if (entry.Length > source.MaxBytes)
        {
            reasons.Add(TooLarge(source));
        }

        return reasons;
    }
}
