namespace LinkService.Linkage.Memory;

/// <summary>Whether a run asks Linux to back the managed heap with transparent huge pages (see <see cref="HugePageAdvice"/>).</summary>
public sealed class HugePageOptions
{
    /// <summary>On by default: a run at millions of records spends a fifth of its CPU time faulting in 4 KiB pages without.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often the advice is renewed while a run lasts, when a collection has happened since: the GC gives freed
    /// regions back by mapping them afresh, which drops the advice from them.
    /// </summary>
    public TimeSpan RenewEvery { get; set; } = TimeSpan.FromMilliseconds(500);
}
