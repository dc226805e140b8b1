namespace LinkService.Cli;

internal static class ConfigurationReport
{
    public static async Task WriteProblemsAsync(TextWriter writer, IReadOnlyList<string> problems)
    {
        await writer.WriteLineAsync($"The configuration has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}:");
        foreach (var problem in problems)
        {
            await writer.WriteLineAsync($"  {problem}");
        }
    }
}
