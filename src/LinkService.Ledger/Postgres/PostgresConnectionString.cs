using Npgsql;

namespace LinkService.Ledger.Postgres;

/// <summary>
/// The ledger's PostgreSQL connection string as configured: checked, completed with the password from its file, and
/// described without the password. Its problems never quote the string, which may hold the password.
/// </summary>
internal static class PostgresConnectionString
{
    /// <summary>Why the configured string cannot be used, each naming the setting; empty when it can.</summary>
    public static IEnumerable<string> Problems(LedgerOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            yield return "ConnectionString: is required when Provider is postgresql (Host=…;Database=…;Username=…)";
            yield break;
        }

        if (Parse(options.ConnectionString) is not { } builder)
        {
            yield return "ConnectionString: is not an Npgsql connection string (keyword=value pairs separated by ';': Host, Port, Database, Username)";
            yield break;
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            yield return "ConnectionString: names no Host";
        }

        if (string.IsNullOrWhiteSpace(builder.Database))
        {
            yield return "ConnectionString: names no Database";
        }

        if (options.PasswordFile is { } file)
        {
            if (!Path.IsPathFullyQualified(file))
            {
                yield return "PasswordFile: must be an absolute path";
            }
            else if (!File.Exists(file))
            {
                yield return $"PasswordFile: {file} does not exist";
            }
            else if (builder.Password is not null)
            {
                yield return "PasswordFile: gives a password and ConnectionString has one too: keep one";
            }
        }
    }

    private static NpgsqlConnectionStringBuilder? Parse(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            return null;
        }
    }

    /// <summary>The string to connect with: the configured one, with the password file's password if there is one.</summary>
    public static NpgsqlConnectionStringBuilder Resolve(LedgerOptions options)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        if (options.PasswordFile is { } file)
        {
            builder.Password = File.ReadAllText(file).TrimEnd('\r', '\n');
        }

        return builder;
    }
}
