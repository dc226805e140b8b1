namespace LinkService.Linking;

/// <summary>What became of one request to link a project.</summary>
internal sealed record ProjectRunOutcome(bool Succeeded, string? RunId, string? RunFolder, string Message)
{
    public static ProjectRunOutcome NotStarted(string message) => new(false, null, null, message);
}
