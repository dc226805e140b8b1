namespace LinkService.Linkage.Running;

/// <summary>The files a linkage run writes into its private run folder.</summary>
public static class RunFiles
{
    public const string Links = "links.csv";
    public const string Model = "model.json";
    public const string Review = "review.csv";
    public const string Quality = "quality.json";

    /// <summary>The deliveries the run linked (ids, sources, file names, sizes, SHA-256), written by the host before linking starts.</summary>
    public const string Inputs = "inputs.json";
}
