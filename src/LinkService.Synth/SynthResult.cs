namespace LinkService.Synth;

/// <summary>What <see cref="SyntheticExtracts.WriteAsync"/> wrote.</summary>
public sealed record SynthResult(IReadOnlyList<SynthFile> Files, string TruthPath, int People, DateOnly ExtractDate)
{
    public long TotalRecords => Files.Sum(f => f.Records);

    public long TotalBytes => Files.Sum(f => f.Bytes);
}

/// <summary>One extract: its source, full path, number of records (rows after the header) and size.</summary>
public sealed record SynthFile(string Source, string Path, long Records, long Bytes);
