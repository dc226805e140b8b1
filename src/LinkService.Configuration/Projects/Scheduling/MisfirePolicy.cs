namespace LinkService.Configuration.Projects.Scheduling;

/// <summary>What becomes of a fire missed while the service was down or busy (<c>misfire</c>).</summary>
public enum MisfirePolicy
{
    /// <summary>One run now, however many fires were missed (if it is due).</summary>
    RunOnce,

    /// <summary>Nothing now: the schedule carries on from its next fire.</summary>
    Skip,
}
