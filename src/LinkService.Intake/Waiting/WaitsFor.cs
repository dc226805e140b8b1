using System.Globalization;
using LinkService.Configuration.Sources;
using LinkService.Intake.Scanning;

namespace LinkService.Intake.Waiting;

/// <summary>What a drop file not taken yet waits for, as <c>status</c> shows them after "waiting 5 min for".</summary>
internal static class WaitsFor
{
    public const string Writer = "its uploader to close it (it still holds it open)";
    /// <summary>A file whose last record is cut off waits <paramref name="period"/> for the rest, then is refused.</summary>
    public static string RestOfRecord(TimeSpan period) =>
        $"the rest of its last record (it ends with no line end, or inside quotes), then to be refused if nothing more comes within {Describe(period)}";
    /// <summary>A folder nested past the depth the scan looks: nothing comes of it until what is in it is taken out.</summary>
    public static readonly string NestedTooDeep =
        $"what is in it to be moved to the top of the drop folder: it is a folder nested more than {DropFolderScanner.MaxDepth} deep, and nothing in it is looked at";

    public const string NoChangeAfterCopy = "a quiet period with no change (it changed while it was copied)";

    public static string Quiet(TimeSpan period) => $"no change for {Describe(period)} after its uploader closed it";

    /// <summary>
    /// The fallback wait when no close could be seen. A sub-folder is not watched, so a file there waits so even when it
    /// arrived while the service ran; at the top, the file was there before the service started or its close went unreported.
    /// </summary>
    public static string QuietUnknownWriter(TimeSpan period, bool inSubFolder) =>
        inSubFolder
            ? $"no change for {Describe(period)} (closes are not watched in sub-folders)"
            : $"no change for {Describe(period)} (no close could be seen: it was there before the service started, or the system did not report it)";

    public static string Companion(SourceDefinition source) =>
        source.Completion.Signal == CompletionSignal.Checksum
            ? $"its {CompanionFiles.ChecksumSuffix} file with the digest"
            : $"its {source.Completion.MarkerSuffix} marker, written after its last change";

    /// <summary>A file in a sub-folder waits like any other, then is refused rather than taken.</summary>
    public static string InSubFolder(string reason) => $"{reason}, then to be refused (it is in a sub-folder)";

    /// <summary>A file with another name waits like any other (a rename may be giving it its name), then is refused if it still has one.</summary>
    public static string OtherName(string reason) => $"{reason}, then to be refused if it still has another name (a hard link)";

    public static string Describe(TimeSpan period) =>
        period.TotalMinutes >= 1 && period.Seconds == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{period.TotalMinutes:0} min")
            : string.Create(CultureInfo.InvariantCulture, $"{period.TotalSeconds:0} s");
}
