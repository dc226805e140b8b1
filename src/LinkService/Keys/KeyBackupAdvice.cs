namespace LinkService.Keys;

/// <summary>What <c>keys init</c> tells the custodian once the master key exists: why the key matters, and how to keep it.</summary>
internal static class KeyBackupAdvice
{
    public static string For(string keyFile) => $"""
        Created the master key at {keyFile} (owner read/write only).

        Back it up now. Losing it loses pseudonym continuity: every person and record would get new pseudonyms, so
        analysts could no longer follow a person from one output to the next, and the ledger's audit chain could no
        longer be verified. Nothing can recreate it.

        How to back it up:
          - Copy the file itself, keeping its owner-only permissions, to offline storage the custodian controls
            (for example an encrypted drive kept in a safe):  cp --preserve=mode {keyFile} <backup folder>
            On Windows copy it with its ACL:  robocopy <keys folder> <backup folder> master.key /COPY:DATS
          - Keep the backup owner-only too. Never put the key in the configuration, a log, a receipt, an output, the
            export share, an e-mail or version control: whoever holds it can recompute every pseudonym.
          - To restore, put the file back at this path, owner-only, before the service starts.
        """;
}
