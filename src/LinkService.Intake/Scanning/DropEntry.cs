namespace LinkService.Intake.Scanning;

/// <summary>One entry at the top of a drop folder, as seen without following links.</summary>
internal sealed record DropEntry(string Path, string Name, long Length, DateTimeOffset LastWriteUtc, bool IsLink);
