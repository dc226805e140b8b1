namespace LinkService.Intake.Waiting;

/// <summary>A drop file intake has seen and not yet taken: since when, and what it waits for. <see cref="Name"/> is escaped.</summary>
public sealed record WaitingFile(string Source, string Name, DateTimeOffset Since, string WaitsFor);

/// <summary>What intake last published about the files it waits for (<c>linkservice status</c> reads it).</summary>
public sealed record WaitingReport(DateTimeOffset WrittenAt, IReadOnlyList<WaitingFile> Files)
{
    /// <summary>The last report intake published at <paramref name="path"/>, or null if there is none.</summary>
    public static async Task<WaitingReport?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await System.Text.Json.JsonSerializer.DeserializeAsync<WaitingReport>(stream, WaitingFiles.Json, cancellationToken);
    }
}
