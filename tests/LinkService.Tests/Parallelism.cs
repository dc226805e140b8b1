using LinkService.Tests.Support;
using Xunit.v3;

// Most of this assembly's time is spent waiting on real processes (the service started, killed and restarted; sshd;
// PostgreSQL; a publish), not computing: with one test per core, the two crash tests alone held both threads for minutes
// while everything else queued behind them. Twice as many tests at once fill that waiting; each test still owns its
// temp folders, ports and databases, as it must already to run beside another.
[assembly: Parallelization(MaxThreads = 4)]
[assembly: TestCollectionOrderer(typeof(LongestFirst))]
