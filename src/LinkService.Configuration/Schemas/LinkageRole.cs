namespace LinkService.Configuration.Schemas;

/// <summary>What a column is for in linkage. The separation principle rests on this.</summary>
public enum LinkageRole
{
    /// <summary>An analysis variable. Leaves the service only keyed by a pseudonym.</summary>
    Content,

    /// <summary>The record key in the department's system. Never leaves the private work area.</summary>
    Key,

    /// <summary>Feeds a canonical linkage field. Never leaves the private work area, never logged.</summary>
    Identifier,
}
