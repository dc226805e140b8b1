using LinkService.Ledger.Postgres;
using Microsoft.Extensions.Options;

namespace LinkService.Ledger;

/// <summary>Checks <see cref="LedgerOptions"/> at start and in <c>check-config</c>: every problem at once, never quoting the connection string.</summary>
public sealed class LedgerOptionsValidator : IValidateOptions<LedgerOptions>
{
    public ValidateOptionsResult Validate(string? name, LedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Provider switch
        {
            LedgerProvider.PostgreSql => PostgresConnectionString.Problems(options).ToList(),
            LedgerProvider.Sqlite => SqliteProblems(options).ToList(),
            _ => ["Provider: must be sqlite or postgresql"],
        };
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    // A connection string with the SQLite ledger would be silently unused: a site believing it runs a cluster would not.
    private static IEnumerable<string> SqliteProblems(LedgerOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            yield return "ConnectionString: is for Provider postgresql, which is not set (the sqlite ledger is the work folder's ledger.db)";
        }

        if (options.PasswordFile is not null)
        {
            yield return "PasswordFile: is for Provider postgresql, which is not set";
        }
    }
}
