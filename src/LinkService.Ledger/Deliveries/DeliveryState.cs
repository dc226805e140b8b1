namespace LinkService.Ledger.Deliveries;

public enum DeliveryState
{
    /// <summary>Taken from the drop folder; its copy into the store has not finished.</summary>
    Received,

    /// <summary>Its complete copy is in the store; not yet checked.</summary>
    Stored,

    /// <summary>Checked and accepted; the stored copy is the input to linkage.</summary>
    Accepted,

    /// <summary>Checked and rejected; moved whole to quarantine.</summary>
    Rejected,

    /// <summary>The same content as an earlier delivery of its source; moved to quarantine, not processed again.</summary>
    Duplicate,

    /// <summary>Refused at the landing zone (link, name, size, checksum); moved to quarantine without being stored.</summary>
    Refused,

    /// <summary>
    /// Checked and valid, but its accepted row count moved further from the source's previous accepted delivery than
    /// the source's <c>sizeChange</c> allows: not linked until the custodian releases it (then accepted) or rejects it.
    /// </summary>
    Held,
}
