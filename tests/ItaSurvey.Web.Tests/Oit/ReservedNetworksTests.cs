using System.Net;
using System.Numerics;
using ItaSurvey.Web.Oit;

namespace ItaSurvey.Web.Tests.Oit;

/// <summary>
/// Issue 18, item 8: the link check connects to no address of the IANA special-purpose
/// registries. The ranges are written out here on their own, not read from the table, so that
/// a range dropped from the table fails a test.
/// </summary>
public class ReservedNetworksTests
{
    public static TheoryData<string> Ranges =>
    [
        // IPv4 special-purpose registry, multicast, reserved, broadcast
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
        "192.0.0.0/24", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24", "192.168.0.0/16",
        "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
        "255.255.255.255/32",
        // IPv6 special-purpose registry, multicast, and all outside global unicast 2000::/3
        "::/128", "::1/128", "::/96", "::ffff:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "100:0:0:1::/64",
        "2001::/23", "2001::/32", "2001:2::/48", "2001:db8::/32", "2002::/16", "2620:4f:8000::/48", "3fff::/20", "5f00::/16",
        "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8", "::/3", "4000::/2", "8000::/1",
    ];

    [Theory]
    [MemberData(nameof(Ranges))]
    public void The_first_the_last_and_an_inside_address_of_every_reserved_range_are_refused(string range)
    {
        var network = IPNetwork.Parse(range);
        var (first, last, inside) = Corners(network);

        Assert.False(LinkCheckConnector.IsPublic(first), $"{first} of {range}");
        Assert.False(LinkCheckConnector.IsPublic(last), $"{last} of {range}");
        Assert.False(LinkCheckConnector.IsPublic(inside), $"{inside} of {range}");
    }

    [Fact]
    public void Every_range_of_the_table_is_tested_here()
    {
        var tested = Ranges.Select(r => IPNetwork.Parse((string)r.Data)).ToHashSet();

        Assert.All(ReservedNetworks.All, r => Assert.Contains(r.Network, tested));
        Assert.All(ReservedNetworks.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Purpose)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("203.150.1.10")]          // a Thai government host
    [InlineData("9.255.255.255")]         // just below 10/8
    [InlineData("11.0.0.0")]              // just above 10/8
    [InlineData("100.63.255.255")]        // just below shared address space
    [InlineData("100.128.0.0")]           // just above it
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("192.0.1.1")]             // between 192.0.0.0/24 and TEST-NET-1
    [InlineData("192.0.3.0")]
    [InlineData("198.17.255.255")]        // just below benchmarking
    [InlineData("198.20.0.0")]            // just above it
    [InlineData("223.255.255.255")]       // the last unicast address below multicast
    [InlineData("2001:4860:4860::8888")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2001:200::1")]           // just above 2001::/23
    [InlineData("2001:db9::1")]           // just above documentation
    [InlineData("3fff:1000::1")]          // just above 3fff::/20
    [InlineData("2a00:1450:4001::1")]
    public void Public_addresses_pass(string address) =>
        Assert.True(LinkCheckConnector.IsPublic(IPAddress.Parse(address)), address);

    /// <summary>The first and last address of a network and one halfway between.</summary>
    private static (IPAddress First, IPAddress Last, IPAddress Inside) Corners(IPNetwork network)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        var bits = bytes.Length * 8;
        var hostBits = bits - network.PrefixLength;
        var first = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var size = BigInteger.One << hostBits;
        return (Address(first, bytes.Length), Address(first + size - 1, bytes.Length), Address(first + size / 2, bytes.Length));
    }

    private static IPAddress Address(BigInteger value, int length)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var bytes = new byte[length];
        raw.CopyTo(bytes, length - raw.Length);
        return new IPAddress(bytes);
    }
}
