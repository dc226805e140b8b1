namespace LinkService.Tests.Support;

/// <summary>
/// Waits for a condition that a real process, file system or server brings about, up to a deadline.
/// The condition is what the test asserts; the polling interval is not a sleep the test relies on.
/// </summary>
internal static class Eventually
{
    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, string? because = null) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, because);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string? because = null)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!await condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting: {because ?? "condition not met"}.");
            }
        }
    }
}
