using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LinkService.Tests.Support;

/// <summary>Keeps every formatted line logged through it, with its event id, for tests that assert what a user reads in the log.</summary>
internal sealed class CollectingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string Text => string.Join(Environment.NewLine, Lines);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue($"{eventId.Id} {formatter(state, exception)}");
}
