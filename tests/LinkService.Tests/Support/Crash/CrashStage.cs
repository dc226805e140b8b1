namespace LinkService.Tests.Support.Crash;

/// <summary>The parts of the service's work a kill can interrupt, in the order a delivery meets them.</summary>
internal enum CrashStage
{
    /// <summary>A delivered file waits in an inbox to be taken, or is being copied into the store.</summary>
    Intake,

    /// <summary>A stored delivery is being checked against its schema, receipted and put where its outcome says.</summary>
    Validation,

    /// <summary>A run is linking (its stage is still <c>linking</c>).</summary>
    Linkage,

    /// <summary>A linked run is being anonymised, checked for disclosure risk and packaged.</summary>
    Anonymisation,

    /// <summary>A checked run is being approved and copied into the export folder.</summary>
    Publishing,
}
