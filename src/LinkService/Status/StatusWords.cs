using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;

namespace LinkService.Status;

/// <summary>The words status uses for states, the same in its text and its JSON.</summary>
internal static class StatusWords
{
    public static string Outcome(DeliveryState state) => state switch
    {
        DeliveryState.Received or DeliveryState.Stored => "in progress",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static string Of(RunState state) => state.ToString().ToLowerInvariant();

    public static string Of(RunStage stage) => stage.ToString().ToLowerInvariant();
}
