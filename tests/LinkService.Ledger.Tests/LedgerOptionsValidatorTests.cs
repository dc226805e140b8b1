namespace LinkService.Ledger.Tests;

public sealed class LedgerOptionsValidatorTests : IDisposable
{
    private const string Password = "s3cret-Pa55";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Validate_Default_IsSqliteAndValid()
    {
        var options = new LedgerOptions();

        Assert.Equal(LedgerProvider.Sqlite, options.Provider);
        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void Validate_PostgresqlWithItsDatabaseAndPasswordFile_IsValid()
    {
        var options = Postgres("Host=db1;Database=linkservice;Username=linkservice");
        options.PasswordFile = _directory.Write("ledger.password", Password);

        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void Validate_PostgresqlWithoutConnectionString_NamesTheKey()
    {
        var failures = Validate(Postgres(null)).Failures;

        Assert.Equal(["ConnectionString: is required when Provider is postgresql (Host=…;Database=…;Username=…)"], failures);
    }

    [Fact]
    public void Validate_ConnectionStringNamingNoDatabaseAndAMissingPasswordFile_ReportsBothWithoutThePassword()
    {
        var options = Postgres($"Host=db1;Username=linkservice;Password={Password}");
        options.PasswordFile = _directory.File("missing");

        var failures = Validate(options).Failures!.ToList();

        Assert.Equal(["ConnectionString: names no Database", $"PasswordFile: {options.PasswordFile} does not exist"], failures);
        Assert.DoesNotContain(failures, f => f.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnreadableConnectionString_SaysSoWithoutQuotingIt()
    {
        var failures = Validate(Postgres($"Host=db1;Database=x;Pasword={Password}")).Failures!.ToList();

        Assert.Equal("ConnectionString: is not an Npgsql connection string (keyword=value pairs separated by ';': Host, Port, Database, Username)", Assert.Single(failures));
    }

    [Fact]
    public void Validate_RelativePasswordFile_MustBeAbsolute()
    {
        var options = Postgres("Host=db1;Database=linkservice");
        options.PasswordFile = "ledger.password";

        Assert.Equal(["PasswordFile: must be an absolute path"], Validate(options).Failures);
    }

    [Fact]
    public void Validate_ConnectionStringWithTheSqliteLedger_IsRefusedRatherThanIgnored()
    {
        var options = new LedgerOptions { ConnectionString = "Host=db1;Database=linkservice" };

        Assert.Equal(["ConnectionString: is for Provider postgresql, which is not set (the sqlite ledger is the work folder's ledger.db)"], Validate(options).Failures);
    }

    private static LedgerOptions Postgres(string? connectionString) => new() { Provider = LedgerProvider.PostgreSql, ConnectionString = connectionString };

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(LedgerOptions options) => new LedgerOptionsValidator().Validate(null, options);
}
