namespace LinkService.Configuration.Projects.Outputs;

/// <summary>Who releases a project's outputs to the export share.</summary>
public enum ApprovalMode
{
    /// <summary>Published when every disclosure check passes; held for the custodian otherwise.</summary>
    Automatic,

    /// <summary>Always held until <c>linkservice approve</c>.</summary>
    Custodian,
}
