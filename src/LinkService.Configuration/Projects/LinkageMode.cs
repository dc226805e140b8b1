namespace LinkService.Configuration.Projects;

public enum LinkageMode
{
    /// <summary>Link records across sources only.</summary>
    Link,

    /// <summary>Find duplicates within each source only.</summary>
    Dedupe,

    /// <summary>Both: one set of entities spanning and within the sources.</summary>
    Both,
}
