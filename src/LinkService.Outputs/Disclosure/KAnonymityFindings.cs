using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Disclosure;

/// <summary>The finding on a de-identified record file from what k-anonymity did to it (counts only).</summary>
internal static class KAnonymityFindings
{
    public static DisclosureFinding Of(OutputTable file)
    {
        if (file.KAnonymity is not { } k || k.QuasiIdentifiers.Count == 0)
        {
            return new(file.FileName, DisclosureRules.KAnonymity, DisclosureVerdict.Pass, "no quasi-identifiers named, so k-anonymity was not applied");
        }

        var over = $"k = {k.K} over {string.Join(", ", k.QuasiIdentifiers)}";
        var done = $"{Counted.Of(k.ClassesBelowK, "class")} below k; {Counted.Of(k.RowsSuppressed, "row")} had their quasi-identifiers suppressed and {Counted.Of(k.RowsDropped, "row")} dropped";
        return file.Rows > 0 && k.SmallestClassAfter < k.K
            ? new(file.FileName, DisclosureRules.KAnonymity, DisclosureVerdict.Fail, $"{over}: {done}, yet the smallest class holds {Counted.Of(k.SmallestClassAfter, "row")}, fewer than k")
            : new(file.FileName, DisclosureRules.KAnonymity, DisclosureVerdict.Pass, $"{over}: {done}; the smallest class holds {Counted.Of(k.SmallestClassAfter, "row")}");
    }
}
