using System.Globalization;

namespace LinkService.Ledger.Audit;

/// <summary>How the chain's end must agree with the highest head its anchor file recorded.</summary>
internal static class AnchorComparison
{
    /// <summary>
    /// Why the chain (ending at <paramref name="headSequence"/>, whose row at the anchored sequence has
    /// <paramref name="macAtAnchor"/>) disagrees with <paramref name="anchored"/>, or null. An anchor behind the
    /// chain is fine: a crash between a commit and its anchor line leaves it so, and the next write catches up.
    /// </summary>
    public static string? Problem(AnchoredHead? anchored, long headSequence, string? macAtAnchor)
    {
        var inv = CultureInfo.InvariantCulture;
        if (anchored is not { } anchor)
        {
            // One row without an anchor line is the crash window of the ledger's very first write.
            return headSequence > 1
                ? string.Create(inv, $"the ledger has {headSequence} audit rows but its anchor file records none (the anchor file was deleted or emptied)")
                : null;
        }

        if (headSequence == 0)
        {
            return string.Create(inv, $"the ledger has no audit rows but its anchor file records row #{anchor.Sequence} (the ledger was deleted or replaced)");
        }

        if (anchor.Sequence > headSequence)
        {
            return string.Create(inv, $"the ledger ends at row #{headSequence} but its anchor file records row #{anchor.Sequence} (rows were cut from its end)");
        }

        return macAtAnchor == anchor.Mac
            ? null
            : string.Create(inv, $"row #{anchor.Sequence} is not the row its anchor file recorded (the ledger was replaced or rewritten)");
    }
}
