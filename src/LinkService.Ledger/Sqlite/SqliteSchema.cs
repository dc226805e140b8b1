using Microsoft.Data.Sqlite;

namespace LinkService.Ledger.Sqlite;

/// <summary>The ledger's tables, created and migrated on open; <c>schema_version</c> holds how many migrations ran.</summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE deliveries (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            original_name TEXT NOT NULL,
            state TEXT NOT NULL,
            drop_bytes INTEGER,
            drop_modified TEXT,
            sha256 TEXT,
            bytes INTEGER,
            stored_path TEXT,
            quarantine_path TEXT,
            reasons TEXT NOT NULL DEFAULT '[]',
            duplicate_of TEXT,
            set_aside_rows INTEGER,
            received_at TEXT NOT NULL,
            stored_at TEXT,
            updated_at TEXT NOT NULL,
            settled_at TEXT
        );
        CREATE INDEX ix_deliveries_source_sha256 ON deliveries (source, sha256);
        CREATE INDEX ix_deliveries_source_state ON deliveries (source, state, received_at);
        CREATE INDEX ix_deliveries_unsettled ON deliveries (received_at) WHERE settled_at IS NULL;

        CREATE TABLE runs (
            id TEXT PRIMARY KEY,
            project TEXT NOT NULL,
            state TEXT NOT NULL,
            run_folder TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            counts TEXT NOT NULL DEFAULT '{}',
            failure_reason TEXT
        );
        CREATE INDEX ix_runs_project_started ON runs (project, started_at);

        CREATE TABLE run_inputs (
            run_id TEXT NOT NULL REFERENCES runs (id),
            delivery_id TEXT NOT NULL REFERENCES deliveries (id),
            PRIMARY KEY (run_id, delivery_id)
        );

        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            action TEXT NOT NULL,
            detail TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX ix_audit_entity ON audit (entity_id, seq);
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
        """,

        // Run ownership (RunClaims): each run's owner and lease. The unique index is what keeps a project to one
        // running run whoever starts it. Runs left running by a version without leases have no expiry and are
        // outside the index (two such runs of a project must not stop the upgrade); the rules treat them as
        // abandoned, so they are taken over before any new run of their project starts.
        """
        ALTER TABLE runs ADD COLUMN owner_host TEXT;
        ALTER TABLE runs ADD COLUMN owner_pid INTEGER;
        ALTER TABLE runs ADD COLUMN lease_expires_at TEXT;
        CREATE UNIQUE INDEX ux_runs_one_running_per_project ON runs (project) WHERE state = 'Running' AND lease_expires_at IS NOT NULL;
        """,

        // The chain is keyed (HMAC under a key derived from the master key), and a stored copy's path follows from
        // its ids: a column naming it could be pointed at any file. Rows written before this were unkeyed SHA-256 and
        // no longer verify.
        """
        ALTER TABLE audit RENAME COLUMN prev_hash TO prev_mac;
        ALTER TABLE audit RENAME COLUMN hash TO mac;
        ALTER TABLE deliveries DROP COLUMN stored_path;
        """,

        // A run is a pipeline of recorded stages (RunTransitions): its last completed stage, its disclosure check, and
        // the custodian's decision. Runs completed before this had linked, which the chain's "completed" rows say too.
        """
        ALTER TABLE runs ADD COLUMN stage TEXT NOT NULL DEFAULT 'Linking';
        ALTER TABLE runs ADD COLUMN verdict TEXT;
        ALTER TABLE runs ADD COLUMN findings INTEGER;
        ALTER TABLE runs ADD COLUMN decided_by TEXT;
        ALTER TABLE runs ADD COLUMN decided_at TEXT;
        ALTER TABLE runs ADD COLUMN decision_reason TEXT;
        UPDATE runs SET stage = 'Linked' WHERE state = 'Completed';
        CREATE INDEX ix_runs_state ON runs (state, started_at);
        """,

        // Retention: what it deleted of which delivery or run (RetainedItem), so that no check expects it any more. The
        // audit chain's "deleted" rows vouch for this table as for the others.
        """
        CREATE TABLE retention_deletions (
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            item TEXT NOT NULL,
            at TEXT NOT NULL,
            already_absent INTEGER NOT NULL,
            PRIMARY KEY (entity, entity_id, item)
        );
        """,

        // A delivery's accepted row count, which a source's sizeChange compares with the previous accepted delivery's
        // (a delivery far off it is Held for the custodian). Deliveries accepted before this have none and hold nothing.
        """
        ALTER TABLE deliveries ADD COLUMN accepted_rows INTEGER;
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    /// <summary>Applies the migrations the database has not seen yet; returns the version it had before.</summary>
    public static int Migrate(SqliteConnection connection)
    {
        using (var wal = connection.CreateCommand())
        {
            // WAL lets the status command read while the service writes; it is a property of the file, set once.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using var create = connection.CreateCommand();
        create.Transaction = transaction;
        create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL); SELECT version FROM schema_version;";
        var version = create.ExecuteScalar() is long v ? (int)v : 0;
        if (version > LatestVersion)
        {
            throw new InvalidOperationException($"The ledger has schema version {version}, newer than this service knows ({LatestVersion}).");
        }

        for (var i = version; i < Migrations.Length; i++)
        {
            using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = Migrations[i];
            migrate.ExecuteNonQuery();
        }

        using var record = connection.CreateCommand();
        record.Transaction = transaction;
        record.CommandText = "DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES ($version);";
        record.Parameters.AddWithValue("$version", LatestVersion);
        record.ExecuteNonQuery();
        transaction.Commit();
        return version;
    }
}
