using LinkService.Configuration.Schemas;
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
            ResolvedSchema = Schema("offenders", "offender_id", "date_of_birth"),
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
            ResolvedSchema = Schema("claims", "claim_ref", "last_name"),
            FilePattern = "claims_*.csv",
            MaxBytes = 1L << 30,
            Completion = new CompletionRule { QuietPeriod = Quiet, Signal = CompletionSignal.Quiet },
        };

    /// <summary>A small schema: intake checks none of it (the check is faked), but publishes it as the source's contract.</summary>
    public static TableSchema Schema(string name, string key, string other) =>
        new()
        {
            Name = name,
            Fields =
            [
                new SchemaField { Name = key, Linkage = new FieldLinkage { Role = LinkageRole.Key }, Constraints = new FieldConstraints { Required = true } },
                new SchemaField { Name = other },
            ],
        };
}
