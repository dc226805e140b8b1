namespace LinkService.Validation.Uniqueness;

/// <summary>
/// The temp folder for spilled key runs failed (full, gone, not writable). Not the delivery's fault, so it is
/// kept apart from I/O errors on the delivery itself.
/// </summary>
public sealed class KeySpillException : Exception
{
    public KeySpillException()
    {
    }

    public KeySpillException(string message)
        : base(message)
    {
    }

    public KeySpillException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
