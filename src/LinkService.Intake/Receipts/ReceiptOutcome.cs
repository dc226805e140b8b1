namespace LinkService.Intake.Receipts;

/// <summary>What a receipt tells the department; <see cref="Received"/> comes first, one of the others replaces it.</summary>
internal enum ReceiptOutcome
{
    Received,
    Accepted,
    Rejected,
    Duplicate,
}
