namespace LinkService.Intake.Waiting;

/// <summary>A drop file intake has seen and not yet taken: since when, and what it waits for. <see cref="Name"/> is escaped.</summary>
public sealed record WaitingFile(string Source, string Name, DateTimeOffset Since, string WaitsFor);

/// <summary>What intake last published about the files it waits for (<c>linkservice status</c> reads it).</summary>
public sealed record WaitingReport(DateTimeOffset WrittenAt, IReadOnlyList<WaitingFile> Files);
