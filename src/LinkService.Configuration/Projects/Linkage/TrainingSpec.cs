namespace LinkService.Configuration.Projects.Linkage;

/// <summary>How the Fellegi–Sunter model is estimated, without truth.</summary>
public sealed class TrainingSpec
{
    /// <summary>Random pairs sampled to estimate u probabilities.</summary>
    public int RandomPairs { get; init; } = 2_000_000;

    /// <summary>
    /// Candidate pairs EM trains on, at most: when the rules' blocks hold more (a pair counted once per rule generating
    /// it), the training pass compares a deterministic sample of at most this many (and counts each as 1 / rate pairs); the scoring pass still compares every pair.
    /// </summary>
    public int CandidatePairs { get; init; } = 4_000_000;

    public int Seed { get; init; } = 20_240_601;

    public int MaxIterations { get; init; } = 100;

    /// <summary>EM stops when no probability moves by more than this.</summary>
    public double Tolerance { get; init; } = 1e-6;
}
