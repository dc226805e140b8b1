using System.Text.Json.Serialization;

namespace LinkService.Ledger;

/// <summary>
/// Where the ledger lives (<c>LinkService:Ledger</c> in appsettings.json): SQLite in the work folder (the default,
/// nothing to install), or a PostgreSQL database that several nodes share (cluster mode).
/// </summary>
public sealed class LedgerOptions
{
    public const string SectionName = "LinkService:Ledger";

    /// <summary><c>sqlite</c> (default) or <c>postgresql</c>.</summary>
    public LedgerProvider Provider { get; set; } = LedgerProvider.Sqlite;

    /// <summary>
    /// The PostgreSQL database, as an Npgsql connection string (<c>Host=…;Database=…;Username=…</c>). Better without its
    /// password, which <see cref="PasswordFile"/>, a <c>Passfile</c> or <c>PGPASSWORD</c> can give instead; or set the
    /// whole string in the environment (<c>LinkService__Ledger__ConnectionString</c>) rather than in a file.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>An absolute path to a file holding only the PostgreSQL password (readable by the service's account alone).</summary>
    public string? PasswordFile { get; set; }
}

/// <summary>The databases the ledger can live in.</summary>
public enum LedgerProvider
{
    Sqlite,

    // One word in appsettings.json and its JSON Schema, as PostgreSQL's own tools spell it (the binder ignores case).
    [JsonStringEnumMemberName("postgresql")]
    PostgreSql,
}
