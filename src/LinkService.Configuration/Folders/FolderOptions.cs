using System.ComponentModel.DataAnnotations;

namespace LinkService.Configuration.Folders;

/// <summary>
/// The three folder roots (<c>LinkService:Folders</c> in appsettings.json). Relative paths resolve
/// against the working directory; all three are created on first start.
/// </summary>
public sealed class FolderOptions
{
    public const string SectionName = "LinkService:Folders";

    /// <summary>Where departments deliver: <c>&lt;Drop&gt;/&lt;source&gt;/inbox/</c>, with receipts in <c>&lt;Drop&gt;/&lt;source&gt;/outbox/</c>.</summary>
    [Required]
    public string Drop { get; set; } = "var/drop";

    /// <summary>The private work area: store, quarantine, runs, keys and the ledger.</summary>
    [Required]
    public string Work { get; set; } = "var/work";

    /// <summary>Where approved, de-identified outputs are published for analysts.</summary>
    [Required]
    public string Export { get; set; } = "var/export";
}
