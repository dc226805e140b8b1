namespace LinkService.Ledger.Runs;

/// <summary>A change a run's state does not allow (approve a run that is not held, publish one that is not ours); the message says why, naming the run.</summary>
public sealed class RunStateException(string message) : InvalidOperationException(message);
