namespace LinkService.Validation.Report;

/// <summary>What happens to a delivery after its check.</summary>
public enum ValidationOutcome
{
    /// <summary>Every row passed; the delivery is accepted whole.</summary>
    Valid,

    /// <summary>Some rows failed, within the source's tolerance: they are set aside and the rest accepted.</summary>
    AcceptedWithSetAside,

    /// <summary>The delivery is rejected whole and goes to quarantine.</summary>
    Rejected,
}
