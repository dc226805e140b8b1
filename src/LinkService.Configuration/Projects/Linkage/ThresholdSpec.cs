namespace LinkService.Configuration.Projects.Linkage;

/// <summary>Match probabilities that decide links and the clerical-review band.</summary>
public sealed class ThresholdSpec
{
    /// <summary>Pairs at or above this probability are links.</summary>
    public double Match { get; init; } = 0.9;

    /// <summary>Pairs at or above this and below <see cref="Match"/> go to clerical review.</summary>
    public double Review { get; init; } = 0.5;
}
