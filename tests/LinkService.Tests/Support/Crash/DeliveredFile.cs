using System.Security.Cryptography;
using LinkService.Ledger.Deliveries;

namespace LinkService.Tests.Support.Crash;

/// <summary>
/// One file a department sends, and what must become of it: <see cref="Expected"/> for a first sending of its content;
/// a sending of content sent before (<see cref="SameContentAs"/>) is a duplicate, whichever of the two is taken first.
/// </summary>
internal sealed record DeliveredFile(string Source, string Name, byte[] Content, DeliveryState Expected, string? SameContentAs = null)
{
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Content));

    /// <summary>As an SFTP client uploads: under a temporary name the service ignores, then renamed into place.</summary>
    public async Task DropAsync(string inbox, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(inbox, Name + ".part");
        await File.WriteAllBytesAsync(temporary, Content, cancellationToken);
        File.Move(temporary, Path.Combine(inbox, Name));
    }

    public override string ToString() => $"{Source}/{Name}";
}
