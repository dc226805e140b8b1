namespace LinkService.Ledger.Retention;

/// <summary>What retention deletes: each kept for its own period, each deletion an audit row of its delivery or run.</summary>
public enum RetainedItem
{
    /// <summary>An accepted delivery's copy in the store (with its set-aside list): the raw extract, identifiers and all.</summary>
    StoreCopy,

    /// <summary>What quarantine holds of a delivery: the file whole, its reasons, its set-aside rows and errors.</summary>
    Quarantine,

    /// <summary>A delivery's receipts in its source's outbox.</summary>
    Receipts,

    /// <summary>A run's private folder: its linkage map, figures and outputs as made.</summary>
    RunFolder,
}

/// <summary>The words the audit chain and the ledger's table use for each item, and whose entity it is.</summary>
public static class RetainedItems
{
    public static string Name(RetainedItem item) => item switch
    {
        RetainedItem.StoreCopy => "store-copy",
        RetainedItem.Quarantine => "quarantine",
        RetainedItem.Receipts => "receipts",
        RetainedItem.RunFolder => "run-folder",
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, null),
    };

    public static RetainedItem Parse(string name) =>
        Enum.GetValues<RetainedItem>().Where(i => Name(i) == name).Select(i => (RetainedItem?)i).FirstOrDefault()
            ?? throw new FormatException($"'{name}' is not an item retention deletes.");

    /// <summary>True for a run's item; the others belong to a delivery.</summary>
    public static bool IsOfRun(RetainedItem item) => item == RetainedItem.RunFolder;
}
