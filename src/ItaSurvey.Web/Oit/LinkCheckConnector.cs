using System.Net;
using System.Net.Sockets;

namespace ItaSurvey.Web.Oit;

/// <summary>
/// Opens the link check's connections itself, so the address actually connected to (after DNS,
/// and on every redirect) can be refused when it is not a public internet address
/// (<see cref="ReservedNetworks"/>: loopback, private, link-local, documentation, multicast...).
/// </summary>
public static class LinkCheckConnector
{
    public static SocketsHttpHandler Handler(LinkCheckOptions options) => new()
    {
        // The checker follows redirects itself (up to MaxRedirects), to see where each one points.
        AllowAutoRedirect = false,
        // Direct connections only: through a proxy the guard would see the proxy, not the site.
        UseProxy = false,
        UseCookies = false,
        // Evidence text is read after decompression; the fetcher's byte limit applies to the inflated bytes.
        AutomaticDecompression = DecompressionMethods.All,
        MaxResponseHeadersLength = 32, // KB
        ConnectTimeout = options.Timeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, options.AllowPrivateNetworks, cancellationToken),
    };

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowPrivate, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken);
        var allowed = allowPrivate ? addresses : addresses.Where(IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new BlockedAddressException(endPoint.Host);
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>True for an address on the public internet: outside every range of <see cref="ReservedNetworks"/>.</summary>
    public static bool IsPublic(IPAddress address) => ReservedNetworks.IsPublic(address);
}

/// <summary>The URL's host resolves only to addresses the link check may not connect to.</summary>
public sealed class BlockedAddressException(string host)
    : IOException($"{host} resolves only to addresses that are not on the public internet.");
