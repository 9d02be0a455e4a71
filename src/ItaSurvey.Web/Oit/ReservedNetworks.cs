using System.Net;
using System.Net.Sockets;

namespace ItaSurvey.Web.Oit;

/// <summary>A range the link check never connects to, and why.</summary>
public sealed record ReservedNetwork(IPNetwork Network, string Purpose);

/// <summary>
/// Every address range that is not the public internet, in one table: the IANA IPv4 and IPv6
/// Special-Purpose Address Registries (RFC 6890 and later), multicast, and IPv6 outside global
/// unicast 2000::/3. The link check connects only to addresses outside all of them, so an
/// evidence URL (or a redirect) cannot make the server request its own network.
/// </summary>
public static class ReservedNetworks
{
    // Declared before the table, which holds it too (static fields start in order).
    private static readonly ReservedNetwork Ipv4Mapped = new(IPNetwork.Parse("::ffff:0:0/96"), "IPv4-mapped (RFC 4291)");

    public static readonly IReadOnlyList<ReservedNetwork> All =
    [
        // IPv4 (iana.org/assignments/iana-ipv4-special-registry)
        new(IPNetwork.Parse("0.0.0.0/8"), "this network (RFC 791)"),
        new(IPNetwork.Parse("10.0.0.0/8"), "private use (RFC 1918)"),
        new(IPNetwork.Parse("100.64.0.0/10"), "shared address space, carrier-grade NAT (RFC 6598)"),
        new(IPNetwork.Parse("127.0.0.0/8"), "loopback (RFC 1122)"),
        new(IPNetwork.Parse("169.254.0.0/16"), "link-local, cloud metadata (RFC 3927)"),
        new(IPNetwork.Parse("172.16.0.0/12"), "private use (RFC 1918)"),
        new(IPNetwork.Parse("192.0.0.0/24"), "IETF protocol assignments (RFC 6890)"),
        new(IPNetwork.Parse("192.0.2.0/24"), "documentation TEST-NET-1 (RFC 5737)"),
        new(IPNetwork.Parse("192.31.196.0/24"), "AS112-v4 (RFC 7535)"),
        new(IPNetwork.Parse("192.52.193.0/24"), "AMT (RFC 7450)"),
        new(IPNetwork.Parse("192.88.99.0/24"), "6to4 relay anycast, deprecated (RFC 7526)"),
        new(IPNetwork.Parse("192.168.0.0/16"), "private use (RFC 1918)"),
        new(IPNetwork.Parse("192.175.48.0/24"), "AS112 direct delegation (RFC 7534)"),
        new(IPNetwork.Parse("198.18.0.0/15"), "benchmarking (RFC 2544)"),
        new(IPNetwork.Parse("198.51.100.0/24"), "documentation TEST-NET-2 (RFC 5737)"),
        new(IPNetwork.Parse("203.0.113.0/24"), "documentation TEST-NET-3 (RFC 5737)"),
        new(IPNetwork.Parse("224.0.0.0/4"), "multicast (RFC 5771)"),
        new(IPNetwork.Parse("240.0.0.0/4"), "reserved (RFC 1112)"),
        new(IPNetwork.Parse("255.255.255.255/32"), "limited broadcast (RFC 919)"),

        // IPv6 (iana.org/assignments/iana-ipv6-special-registry)
        new(IPNetwork.Parse("::/128"), "unspecified (RFC 4291)"),
        new(IPNetwork.Parse("::1/128"), "loopback (RFC 4291)"),
        new(IPNetwork.Parse("::/96"), "IPv4-compatible, deprecated (RFC 4291)"),
        Ipv4Mapped,
        new(IPNetwork.Parse("64:ff9b::/96"), "NAT64 well-known prefix (RFC 6052)"),
        new(IPNetwork.Parse("64:ff9b:1::/48"), "NAT64 local use (RFC 8215)"),
        new(IPNetwork.Parse("100::/64"), "discard-only (RFC 6666)"),
        new(IPNetwork.Parse("100:0:0:1::/64"), "dummy prefix (RFC 9780)"),
        new(IPNetwork.Parse("2001::/23"), "IETF protocol assignments (RFC 2928)"),
        new(IPNetwork.Parse("2001::/32"), "Teredo (RFC 4380)"),
        new(IPNetwork.Parse("2001:2::/48"), "benchmarking (RFC 5180)"),
        new(IPNetwork.Parse("2001:db8::/32"), "documentation (RFC 3849)"),
        new(IPNetwork.Parse("2002::/16"), "6to4 (RFC 3056)"),
        new(IPNetwork.Parse("2620:4f:8000::/48"), "AS112 direct delegation (RFC 7534)"),
        new(IPNetwork.Parse("3fff::/20"), "documentation (RFC 9637)"),
        new(IPNetwork.Parse("5f00::/16"), "segment routing SIDs (RFC 9602)"),
        new(IPNetwork.Parse("fc00::/7"), "unique local (RFC 4193)"),
        new(IPNetwork.Parse("fe80::/10"), "link-local (RFC 4291)"),
        new(IPNetwork.Parse("fec0::/10"), "site-local, deprecated (RFC 3879)"),
        new(IPNetwork.Parse("ff00::/8"), "multicast (RFC 4291)"),
        // Only 2000::/3 is allocated as global unicast (iana.org/assignments/ipv6-address-space):
        // the rest of the IPv6 space, in three blocks.
        new(IPNetwork.Parse("::/3"), "IPv6 outside global unicast 2000::/3"),
        new(IPNetwork.Parse("4000::/2"), "IPv6 outside global unicast 2000::/3"),
        new(IPNetwork.Parse("8000::/1"), "IPv6 outside global unicast 2000::/3"),
    ];

    /// <summary>The reserved range an address falls in, or null for a public address (or one that is not IP at all).</summary>
    public static ReservedNetwork? Find(IPAddress address) =>
        // IPNetwork.Contains reads an IPv4-mapped address as the IPv4 address it carries, so the
        // mapped range is matched by itself.
        address.IsIPv4MappedToIPv6 ? Ipv4Mapped : All.FirstOrDefault(r => r.Network.Contains(address));

    /// <summary>
    /// True for an address on the public internet. IPv4-mapped and IPv4-compatible IPv6 addresses
    /// are never public: a resolver has no business answering with them, so they are refused whole.
    /// </summary>
    public static bool IsPublic(IPAddress address) =>
        address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 && Find(address) is null;
}
