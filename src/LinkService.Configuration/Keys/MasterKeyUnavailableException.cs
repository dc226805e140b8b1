namespace LinkService.Configuration.Keys;

/// <summary>The master key is missing, unreadable or exposed; the message says which and names the file, never the key.</summary>
public sealed class MasterKeyUnavailableException(string message) : Exception(message);
