using System.IO.Abstractions;
using System.Text;
using LinkService.Configuration.Sources;
using LinkService.Intake.Native;
using LinkService.Intake.Storage;

namespace LinkService.Intake.Scanning;

/// <summary>
/// A source's marker (<c>&lt;name&gt;.done</c>) or checksum sidecar (<c>&lt;name&gt;.sha256</c>): files that say a delivery
/// is complete, not deliveries themselves.
/// </summary>
internal sealed class CompanionFiles
{
    public const string ChecksumSuffix = ".sha256";

    private const int MaxSidecarBytes = 4096;

    private readonly IFileSystem _fileSystem;

    public CompanionFiles(IFileSystem fileSystem) => _fileSystem = fileSystem;

    public static string? Suffix(SourceDefinition source) => source.Completion.Signal switch
    {
        CompletionSignal.Marker => source.Completion.MarkerSuffix,
        CompletionSignal.Checksum => ChecksumSuffix,
        _ => null,
    };

    /// <summary>Whether <paramref name="fileName"/> is the companion of a file the source would deliver.</summary>
    public static bool IsCompanion(SourceDefinition source, string fileName) =>
        Suffix(source) is { } suffix
        && fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
        && source.MatchesFileName(fileName[..^suffix.Length]);

    /// <summary>The companion the delivery waits for, or null when the source waits for quiet alone.</summary>
    public static string? PathFor(SourceDefinition source, string dropPath) => Suffix(source) is { } suffix ? dropPath + suffix : null;

    /// <summary>
    /// Whether the companion is there and speaks for the file as it is now: a marker must have been written after the
    /// file's last change (one left from an earlier upload of the same name says nothing of this one), and a sidecar
    /// must have content, as an upload creates it empty before it writes the digest. A marker that is a link, symbolic
    /// or hard, speaks for nothing (its time would be that of whatever file it names, the service's own log for one): a
    /// symbolic link is removed, the link itself and never what it names; a file with another name is left, uncounted,
    /// until it has one; the delivery waits for a real one. (A sidecar that is a link counts as there, and the delivery
    /// is then refused: its digest is never read through the link.)
    /// </summary>
    public bool IsPresent(SourceDefinition source, DropEntry entry)
    {
        if (PathFor(source, entry.Path) is not { } companion)
        {
            return true;
        }

        if (source.Completion.Signal == CompletionSignal.Marker && _fileSystem.FileInfo.New(companion).LinkTarget is not null)
        {
            _fileSystem.File.Delete(companion);
            return false;
        }

        // A marker with another name does not count, but is left: OpenSSH's sftp-server renames a file by adding the new
        // name before it removes the old, so a marker uploaded under a temporary name has two for an instant, and
        // removing it then would leave the delivery waiting for a marker its department has sent. Once it has one name
        // (the removal of the old one wakes intake), it counts.
        if (source.Completion.Signal == CompletionSignal.Marker && LinkCount.HasOtherNames(companion))
        {
            return false;
        }

        var info = _fileSystem.FileInfo.New(companion);
        return info.Exists && source.Completion.Signal switch
        {
            CompletionSignal.Checksum => info.Length > 0,
            _ => new DateTimeOffset(info.LastWriteTimeUtc) >= entry.LastWriteUtc,
        };
    }

    /// <summary>The digest a sidecar states (the first word, as <c>sha256sum</c> writes it), or null if it states none or is a link of either kind.</summary>
    public async Task<string?> ExpectedSha256Async(string dropPath, CancellationToken cancellationToken)
    {
        // Like a delivery, a sidecar is never followed (the department could point it at any file the service may read),
        // nor read if it has another name, and only its start is read: a digest and a file name, not whatever size the
        // department chose.
        var sidecar = dropPath + ChecksumSuffix;
        if (Links.IsAt(_fileSystem, sidecar))
        {
            return null;
        }

        var buffer = new byte[MaxSidecarBytes];
        int read;
        try
        {
            await using var stream = DropFileOpener.Open(_fileSystem, sidecar, MaxSidecarBytes);
            read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        }
        catch (HardLinkException)
        {
            // Given another name since the look above.
            return null;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, read);
        var word = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return word.Length == 64 && word.All(char.IsAsciiHexDigit) ? word.ToLowerInvariant() : null;
    }

    /// <summary>
    /// Removes the companion once its delivery is stored or refused: it has served its purpose and holds no data, and
    /// left behind it would speak for the next upload of the same name before that upload is whole.
    /// </summary>
    public void Remove(SourceDefinition source, string dropPath)
    {
        if (PathFor(source, dropPath) is { } companion && _fileSystem.FileInfo.New(companion) is var info && (info.Exists || info.LinkTarget is not null))
        {
            _fileSystem.File.Delete(companion);
        }
    }
}
