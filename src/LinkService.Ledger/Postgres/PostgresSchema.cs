using Npgsql;

namespace LinkService.Ledger.Postgres;

/// <summary>
/// The ledger's tables in PostgreSQL, created and migrated on open; <c>ledger_schema_version</c> holds how many
/// migrations ran. The same tables and columns as SQLite's, so that one SQL serves both: times are sortable UTC
/// text, and text compares and sorts byte by byte (<c>COLLATE "C"</c>) whatever the database's locale.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>Held while migrating, so that nodes starting together migrate one after the other.</summary>
    private const long MigrationLock = 0x4C53_4C47_0000_0002;

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE deliveries (
            id TEXT COLLATE "C" PRIMARY KEY,
            source TEXT COLLATE "C" NOT NULL,
            original_name TEXT COLLATE "C" NOT NULL,
            state TEXT COLLATE "C" NOT NULL,
            drop_bytes BIGINT,
            drop_modified TEXT COLLATE "C",
            sha256 TEXT COLLATE "C",
            bytes BIGINT,
            quarantine_path TEXT COLLATE "C",
            reasons TEXT COLLATE "C" NOT NULL DEFAULT '[]',
            duplicate_of TEXT COLLATE "C",
            set_aside_rows BIGINT,
            received_at TEXT COLLATE "C" NOT NULL,
            stored_at TEXT COLLATE "C",
            updated_at TEXT COLLATE "C" NOT NULL,
            settled_at TEXT COLLATE "C"
        );
        CREATE INDEX ix_deliveries_source_sha256 ON deliveries (source, sha256);
        CREATE INDEX ix_deliveries_source_state ON deliveries (source, state, received_at);
        CREATE INDEX ix_deliveries_unsettled ON deliveries (received_at) WHERE settled_at IS NULL;

        CREATE TABLE runs (
            id TEXT COLLATE "C" PRIMARY KEY,
            project TEXT COLLATE "C" NOT NULL,
            state TEXT COLLATE "C" NOT NULL,
            run_folder TEXT COLLATE "C" NOT NULL,
            started_at TEXT COLLATE "C" NOT NULL,
            finished_at TEXT COLLATE "C",
            counts TEXT COLLATE "C" NOT NULL DEFAULT '{}',
            failure_reason TEXT COLLATE "C",
            owner_host TEXT COLLATE "C",
            owner_pid INTEGER,
            lease_expires_at TEXT COLLATE "C",
            stage TEXT COLLATE "C" NOT NULL DEFAULT 'Linking',
            verdict TEXT COLLATE "C",
            findings BIGINT,
            decided_by TEXT COLLATE "C",
            decided_at TEXT COLLATE "C",
            decision_reason TEXT COLLATE "C"
        );
        CREATE INDEX ix_runs_project_started ON runs (project, started_at);
        CREATE INDEX ix_runs_state ON runs (state, started_at);
        -- What keeps a project to one running run, whichever node starts it (see RunClaims).
        CREATE UNIQUE INDEX ux_runs_one_running_per_project ON runs (project) WHERE state = 'Running' AND lease_expires_at IS NOT NULL;

        CREATE TABLE run_inputs (
            run_id TEXT COLLATE "C" NOT NULL REFERENCES runs (id),
            delivery_id TEXT COLLATE "C" NOT NULL REFERENCES deliveries (id),
            PRIMARY KEY (run_id, delivery_id)
        );

        CREATE TABLE audit (
            seq BIGINT PRIMARY KEY,
            at TEXT COLLATE "C" NOT NULL,
            entity TEXT COLLATE "C" NOT NULL,
            entity_id TEXT COLLATE "C" NOT NULL,
            action TEXT COLLATE "C" NOT NULL,
            detail TEXT COLLATE "C" NOT NULL,
            prev_mac TEXT COLLATE "C" NOT NULL,
            mac TEXT COLLATE "C" NOT NULL
        );
        CREATE INDEX ix_audit_entity ON audit (entity_id, seq);
        CREATE FUNCTION ledger_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit rows are append-only';
        END
        $$;
        CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION ledger_audit_append_only();
        CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION ledger_audit_append_only();
        """,

        // Retention: what it deleted of which delivery or run (RetainedItem), so that no check expects it any more. The
        // audit chain's "deleted" rows vouch for this table as for the others.
        """
        CREATE TABLE retention_deletions (
            entity TEXT COLLATE "C" NOT NULL,
            entity_id TEXT COLLATE "C" NOT NULL,
            item TEXT COLLATE "C" NOT NULL,
            at TEXT COLLATE "C" NOT NULL,
            already_absent INTEGER NOT NULL,
            PRIMARY KEY (entity, entity_id, item)
        );
        """,

        // A delivery's accepted row count, which a source's sizeChange compares with the previous accepted delivery's
        // (a delivery far off it is Held for the custodian).
        """
        ALTER TABLE deliveries ADD COLUMN accepted_rows BIGINT;
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    /// <summary>Applies the migrations the database has not seen yet, under a lock; returns the version it had before.</summary>
    public static async Task<int> MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key);", connection, transaction))
        {
            command.Parameters.AddWithValue("key", MigrationLock);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        int version;
        await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS ledger_schema_version (version INTEGER NOT NULL); SELECT version FROM ledger_schema_version;", connection, transaction))
        {
            version = await create.ExecuteScalarAsync(cancellationToken) is int v ? v : 0;
        }

        if (version > LatestVersion)
        {
            throw new InvalidOperationException($"The ledger has schema version {version}, newer than this service knows ({LatestVersion}).");
        }

        for (var i = version; i < Migrations.Length; i++)
        {
            await using var migrate = new NpgsqlCommand(Migrations[i], connection, transaction);
            await migrate.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var record = new NpgsqlCommand("DELETE FROM ledger_schema_version; INSERT INTO ledger_schema_version (version) VALUES (@version);", connection, transaction))
        {
            record.Parameters.AddWithValue("version", LatestVersion);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return version;
    }
}
