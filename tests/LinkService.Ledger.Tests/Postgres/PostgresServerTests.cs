namespace LinkService.Ledger.Tests.Postgres;

/// <summary>The shared PostgreSQL fixture: a database per test, each its own.</summary>
public sealed class PostgresServerTests(PostgresServer server)
{
    [Fact]
    public async Task CreateDatabaseAsync_TwoTests_EachGetsAnEmptyDatabaseOfItsOwn()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var first = await server.CreateDatabaseAsync(cancellationToken);
        var second = await server.CreateDatabaseAsync(cancellationToken);

        await server.SqlAsync("CREATE TABLE only_here (id int)", cancellationToken, Database(first));
        await server.SqlAsync("CREATE TABLE only_here (id int)", cancellationToken, Database(second));

        Assert.NotEqual(first, second);
        Assert.Contains("Host=127.0.0.1;", first, StringComparison.Ordinal);
    }

    private static string Database(string connectionString) => connectionString[(connectionString.LastIndexOf('=') + 1)..];
}
