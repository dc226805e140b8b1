namespace LinkService.Intake.Storage;

/// <summary>
/// What the opener found on the handle of a drop file means it must be refused, not tried again: the scan saw a plain
/// file, and by the time it was opened it was one intake never reads. The message is the refusal's reason.
/// </summary>
internal sealed class DropFileRefusedException(string reason) : IOException(reason);
