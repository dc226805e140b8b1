using System.ComponentModel.DataAnnotations;

namespace LinkService.Validation;

/// <summary>Settings for the check, bound from <c>LinkService:Validation</c>.</summary>
public sealed class ValidationOptions
{
    public const string SectionName = "LinkService:Validation";

    /// <summary>How many errors a report lists in full (all are counted). Default 100.</summary>
    [Range(1, 100_000)]
    public int MaxErrorsInReport { get; set; } = 100;

    /// <summary>
    /// How many row errors the list beside a receipt (<c>errors.csv</c>) holds at most; all are counted. A file of
    /// millions of one-character rows, or a small gzip that expands to them, would otherwise make a list some seventy
    /// times its size, twice (quarantine and outbox). Default one million (about 70 MB).
    /// </summary>
    [Range(1, 100_000_000)]
    public long MaxErrorsListed { get; set; } = 1_000_000;

    /// <summary>
    /// Memory for the hashes of unique and primary keys, shared by all of a file's keys (16 bytes a key).
    /// Past it, hashes spill to sorted runs on disk. Default 64 MiB: four million keys a run.
    /// </summary>
    [Range(1L << 20, 1L << 36)]
    public long KeyMemoryBudgetBytes { get; set; } = 64L << 20;

    /// <summary>Where spilled key runs go (hashes and row numbers only). Default: the system temp folder.</summary>
    public string? TempDirectory { get; set; }

    /// <summary>The longest a <c>pattern</c> constraint may take on one cell. Default 100 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan PatternTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The longest record, in bytes of text, the parser holds in memory before it gives up on the file. Fields
    /// longer than the source's <c>maxFieldLength</c> but within this are row errors; beyond it (often an
    /// unclosed quote swallowing the rest of the file) the delivery is rejected. Default 32 MiB.
    /// </summary>
    [Range(1024, 1 << 30)]
    public int ParserRecordCapBytes { get; set; } = 32 << 20;
}
