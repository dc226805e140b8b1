// One PostgreSQL cluster for the whole assembly's tests, started on first use and deleted at the end.
[assembly: AssemblyFixture(typeof(LinkService.Testing.PostgresServer))]
