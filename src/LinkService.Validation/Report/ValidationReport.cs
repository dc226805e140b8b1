using LinkService.Deliveries.SetAside;

namespace LinkService.Validation.Report;

/// <summary>
/// The outcome of checking one delivery against its source's schema: what the receipt carries, what the
/// ledger records and what linkage reads to skip set-aside rows. It holds no identifier values.
/// </summary>
public sealed class ValidationReport
{
    public required string SourceName { get; init; }

    public required string SchemaName { get; init; }

    /// <summary>The delivered file's name, without its folder.</summary>
    public required string FileName { get; init; }

    public required ValidationOutcome Outcome { get; init; }

    /// <summary>Data rows read (the header not counted), including the rows set aside.</summary>
    public required long RowsRead { get; init; }

    /// <summary>The size of the file as delivered (compressed, for gzip).</summary>
    public required long Bytes { get; init; }

    /// <summary>The bytes of text read after decompression; equals <see cref="Bytes"/> without compression.</summary>
    public required long DecompressedBytes { get; init; }

    /// <summary>The header labels as read (column names, never data).</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>How many errors of each Frictionless type the whole file has.</summary>
    public required IReadOnlyDictionary<string, long> ErrorCounts { get; init; }

    /// <summary>The first errors found, up to the configured number, in the order found.</summary>
    public required IReadOnlyList<ValidationError> Errors { get; init; }

    /// <summary>The row errors by field and problem over the whole file, most rows first.</summary>
    public IReadOnlyList<ErrorGroup> ErrorGroups { get; init; } = [];

    /// <summary>
    /// The complete list of row errors (<see cref="ValidationOutputs.ErrorsFilePath"/>), kept only when
    /// <see cref="ErrorGroups"/> cannot name every row; otherwise null.
    /// </summary>
    public string? ErrorsFile { get; init; }

    /// <summary>
    /// How many row errors <see cref="ErrorsFile"/> holds when it stopped at <see cref="ValidationOptions.MaxErrorsListed"/>
    /// (the first ones found); null when it holds them all, or there is none.
    /// </summary>
    public long? ErrorsFileStopsAt { get; init; }

    /// <summary>The data row numbers (1 = the first row after the header) set aside, ascending.</summary>
    public required IReadOnlyList<long> SetAsideRows { get; init; }

    /// <summary>
    /// The rows set aside with their fingerprints, for the set-aside file beside the stored copy: what later stages
    /// skip, knowing each row by its fingerprint as well as its number.
    /// </summary>
    public IReadOnlyList<SetAsideRow> SetAside { get; init; } = [];

    /// <summary>Why the delivery was rejected; empty unless <see cref="Outcome"/> is <see cref="ValidationOutcome.Rejected"/>.</summary>
    public required IReadOnlyList<string> RejectionReasons { get; init; }

    /// <summary>The rejects file written in quarantine, or null when no row was set aside (or none was asked for).</summary>
    public string? RejectsFile { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required TimeSpan Duration { get; init; }

    public long ErrorCount => ErrorCounts.Values.Sum();

    /// <summary>True when the file passed with no error at all: what <c>linkservice validate</c> exits 0 on.</summary>
    public bool IsValid => Outcome == ValidationOutcome.Valid;

    /// <summary>True when the delivery goes on to linkage (valid, or with failing rows set aside).</summary>
    public bool IsAccepted => Outcome != ValidationOutcome.Rejected;

    public bool ErrorsTruncated => ErrorCount > Errors.Count;

    /// <summary>The report in the Frictionless report shape (one table task), indented JSON.</summary>
    public string ToJson() => ReportJson.Write(this);

    /// <summary>A short readable summary for the department's receipt and the command line.</summary>
    public string ToSummaryText() => ReportSummary.Write(this);
}
