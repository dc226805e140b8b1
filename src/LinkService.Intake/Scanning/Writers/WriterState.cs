namespace LinkService.Intake.Scanning.Writers;

/// <summary>What is known about who holds a drop file open.</summary>
internal enum WriterState
{
    /// <summary>Nothing can be known (the file was there before the service looked, or the kernel's queue overflowed): wait for a long quiet period.</summary>
    Unknown,

    /// <summary>Some process holds the file open, or wrote to it and has not closed it: never taken, however quiet.</summary>
    Open,

    /// <summary>Every writer seen has closed it.</summary>
    Closed,
}
