using System.Net;
using System.Net.Sockets;

namespace ItaSurvey.Web.Oit;

/// <summary>
/// Opens the link check's connections itself, so the address actually connected to (after DNS,
/// and on every redirect) can be refused when it is loopback, private or link-local.
/// </summary>
public static class LinkCheckConnector
{
    public static SocketsHttpHandler Handler(LinkCheckOptions options) => new()
    {
        AllowAutoRedirect = options.MaxRedirects > 0,
        MaxAutomaticRedirections = Math.Max(1, options.MaxRedirects),
        // Direct connections only: through a proxy the guard would see the proxy, not the site.
        UseProxy = false,
        UseCookies = false,
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

    /// <summary>True for an address on the public internet.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224
                     || (b[0] == 100 && b[1] >= 64 && b[1] < 128) // carrier-grade NAT
                     || (b[0] == 169 && b[1] == 254)
                     || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                     || (b[0] == 192 && b[1] == 168));
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return !(IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None)
                     || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                     || (first & 0xFE) == 0xFC); // unique local fc00::/7
        }
        return false;
    }
}

/// <summary>The URL's host resolves only to addresses the link check may not connect to.</summary>
public sealed class BlockedAddressException(string host)
    : IOException($"{host} resolves only to loopback, private or link-local addresses.");
