using System.Net;
using System.Net.Sockets;

namespace LinkService.Testing;

/// <summary>Ports for test servers on 127.0.0.1, chosen by the OS so that parallel tests and other users of the machine do not collide.</summary>
public static class LoopbackPorts
{
    /// <summary>A port free a moment ago; the server that binds it may still lose a race, so callers retry on a failed bind.</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
