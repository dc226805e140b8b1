namespace LinkService.Ledger.Runs;

public enum RunState
{
    Running,
    Completed,
    Failed,
}
