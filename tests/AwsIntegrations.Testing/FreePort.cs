using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace AwsIntegrations.Testing;

/// <summary>Finds a TCP port on 127.0.0.1 that nothing listens on right now, for a process that binds it a moment later.</summary>
/// <remarks>
/// The port comes from below the kernel's ephemeral range (32768–60999 by default): a port the kernel hands out for port 0 is
/// also handed to the next outgoing connection, and with every test project running at once one of those took a Router's port
/// between the check and its bind. A random start spreads the test processes; one process never gets the same port twice.
/// </remarks>
public static class FreePort
{
    private const int First = 20000;
    private const int Count = 12000;
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    public static int Next()
    {
        for (var attempt = 0; attempt < Count; attempt++)
        {
            var port = First + Random.Shared.Next(Count);
            if (HandedOut.TryAdd(port, true) && IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no free port in {First}–{First + Count - 1} on 127.0.0.1");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
