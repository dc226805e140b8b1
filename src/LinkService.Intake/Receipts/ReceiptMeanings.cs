namespace LinkService.Intake.Receipts;

/// <summary>What each outcome means for the department, written into every receipt so none needs explaining elsewhere.</summary>
internal static class ReceiptMeanings
{
    public static string Name(ReceiptOutcome outcome) => outcome.ToString().ToLowerInvariant();

    public static string Of(ReceiptOutcome outcome) => outcome switch
    {
        ReceiptOutcome.Received => "the file is stored safely and is being checked; this receipt is replaced by its outcome shortly.",
        ReceiptOutcome.Accepted => "the file passed the checks of CONTRACT.md (any rows set aside are listed below) and will be used. Nothing more to do.",
        ReceiptOutcome.Rejected => "the file was read and none of it will be used: it broke the contract in CONTRACT.md, or the data custodian rejected it (the reasons below say which). Correct what they say and send the whole file again.",
        ReceiptOutcome.Refused => "the file was not taken: it was not read at all, for the reason below (its name, its size, a link, a sub-folder or its checksum). Send it again as CONTRACT.md describes.",
        ReceiptOutcome.Duplicate => "the file has the same content as an earlier delivery, which stands; it is not used again. Nothing more to do.",
        ReceiptOutcome.Held => "the file passed the checks of CONTRACT.md, but its number of rows is far from the previous accepted delivery's (below), so the data custodian will look at it before it is used. Nothing to do unless asked; a new receipt follows the custodian's decision.",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
