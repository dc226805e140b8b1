using LinkService.Configuration.Sources;

namespace LinkService.Intake.Tests.Support;

/// <summary>Source definitions for tests: the justice source's shape with the completion rule a test needs.</summary>
public static class Sources
{
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(10);

    public static SourceDefinition Justice(CompletionSignal signal = CompletionSignal.Quiet, long maxBytes = 1L << 30, TimeSpan? quiet = null) =>
        new()
        {
            Name = "justice",
            Schema = "offenders",
            FilePattern = "offenders_*.csv",
            MaxBytes = maxBytes,
            Completion = new CompletionRule { QuietPeriod = quiet ?? Quiet, Signal = signal, MarkerSuffix = ".done" },
        };

    /// <summary>A second department, whose folders and store a hostile justice department must not reach.</summary>
    public static SourceDefinition Welfare() =>
        new()
        {
            Name = "welfare",
            Schema = "claims",
            FilePattern = "claims_*.csv",
            MaxBytes = 1L << 30,
            Completion = new CompletionRule { QuietPeriod = Quiet, Signal = CompletionSignal.Quiet },
        };
}
