namespace LinkService.Intake.Receipts;

/// <summary>
/// What a receipt tells the department, in the words the ledger, <c>status</c> and the README use;
/// <see cref="Received"/> comes first, one of the others replaces it. <see cref="ReceiptMeanings"/> says what each means.
/// </summary>
internal enum ReceiptOutcome
{
    Received,
    Accepted,
    Rejected,
    Refused,
    Duplicate,
    Held,
}
