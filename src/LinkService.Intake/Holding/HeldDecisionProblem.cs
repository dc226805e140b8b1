namespace LinkService.Intake.Holding;

/// <summary>Why a decision on a held delivery was not made: there is no such delivery (a mistyped id), or it is not held.</summary>
public sealed record HeldDecisionProblem(string Message, bool NoSuchDelivery);
