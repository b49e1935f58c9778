using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;

namespace NewsQA.Core.Fetching;

/// <summary>
/// Decides where feeds and pages may be fetched from: public addresses only. The check is made as each connection is
/// opened (the fetch client's ConnectCallback), on the addresses it is about to connect to, so neither a link, a
/// redirect nor a DNS answer that changes between two lookups can reach a loopback, private, link-local, unique-local,
/// carrier-grade NAT, unspecified, multicast or reserved address, in IPv4, IPv6 or an IPv4 address carried in IPv6.
/// Hosts named in Ingestion:AllowPrivateHosts may be private on purpose (an intranet news site); the service's own
/// listening addresses are refused even then, so no feed can make it call itself.
/// </summary>
public sealed class FetchAddressPolicy
{
    private readonly HashSet<string> _allowed;
    private readonly Lock _lock = new();
    private List<(IPAddress? Address, int Port)> _own = [];

    public FetchAddressPolicy(IOptions<IngestionOptions> options)
    {
        _allowed = new HashSet<string>(options.Value.AllowPrivateHosts.Select(IngestionOptions.NormalizeHost), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The service listens at these URLs ("http://localhost:5080", "http://0.0.0.0:8080"); connections to them are
    /// refused. A wildcard or a host name other than localhost stands for every address of this machine.
    /// </summary>
    public void RefuseOwnAddresses(IEnumerable<string> listenUrls)
    {
        var own = new List<(IPAddress?, int)>();
        foreach (var url in listenUrls)
        {
            // Kestrel's wildcards ("*", "+") are not hosts System.Uri accepts.
            var normalized = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Port <= 0) continue;
            if (uri.IsLoopback && !IPAddress.TryParse(uri.Host.Trim('[', ']'), out _))
            {
                own.Add((IPAddress.Loopback, uri.Port));
                own.Add((IPAddress.IPv6Loopback, uri.Port));
            }
            else
            {
                var address = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) && !parsed.Equals(IPAddress.Any) && !parsed.Equals(IPAddress.IPv6Any) ? parsed : null;
                own.Add((address, uri.Port));
            }
        }

        lock (_lock) _own = [.. _own, .. own];
    }

    /// <summary>The fetch client's connect step: resolves the host, refuses what is not allowed, connects to what is.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var port = context.DnsEndPoint.Port;
        var literal = IPAddress.TryParse(host, out var parsed);
        var addresses = literal ? [parsed!] : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0) throw new SocketException((int)SocketError.HostNotFound);
        var allowPrivate = _allowed.Contains(IngestionOptions.NormalizeHost(host));
        foreach (var address in addresses)
        {
            if (Refusal(address, port, allowPrivate) is { } why)
            {
                throw new AddressRefusedException($"{(literal ? host : $"{host} ({address})")} is {why}");
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Why a connection to <paramref name="address"/>:<paramref name="port"/> is refused, or null when it is allowed.</summary>
    public string? Refusal(IPAddress address, int port, bool allowPrivate)
    {
        if (IsOwn(address, port)) return "this service's own listening address";
        if (allowPrivate || NonPublic(address) is not { } kind) return null;
        return $"{kind} address, not a public one; only hosts named in Ingestion:AllowPrivateHosts may be";
    }

    /// <summary>What kind of address that is not public <paramref name="address"/> is ("a loopback"), or null for a public one.</summary>
    public static string? NonPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return NonPublicV4(address.MapToIPv4().GetAddressBytes());
        if (address.AddressFamily == AddressFamily.InterNetwork) return NonPublicV4(address.GetAddressBytes());
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return "a non-IP";
        var b = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6Any)) return "an unspecified (::)";
        if (address.Equals(IPAddress.IPv6Loopback)) return "a loopback (::1)";
        if (b[0] == 0xff) return "a multicast (ff00::/8)";
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return "a link-local (fe80::/10)";
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return "a site-local (fec0::/10)";
        if ((b[0] & 0xfe) == 0xfc) return "a unique-local (fc00::/7)";
        // IPv4 carried in IPv6: NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach the IPv4 address inside.
        if (b is [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..]) return NonPublicV4(b[12..16]) is { } v4 ? $"{v4} (through NAT64)" : null;
        if (b is [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01, ..]) return "a local-use NAT64 (64:ff9b:1::/48)";
        if (b is [0x20, 0x02, ..]) return NonPublicV4(b[2..6]) is { } v4 ? $"{v4} (through 6to4)" : null;
        if (b is [0x20, 0x01, 0x00, 0x00, ..]) return "a Teredo (2001::/32)";
        if (b is [0x20, 0x01, 0x0d, 0xb8, ..]) return "a documentation (2001:db8::/32)";
        // Everything outside global unicast (2000::/3) is reserved: the IPv4-compatible ::/96, discard-only 100::/64.
        if ((b[0] & 0xe0) != 0x20) return "a reserved (outside 2000::/3)";
        return null;
    }

    private static string? NonPublicV4(byte[] b) => b switch
    {
        [0, ..] => "an unspecified (0.0.0.0/8)",
        [10, ..] => "a private (10.0.0.0/8)",
        [100, >= 64 and <= 127, ..] => "a carrier-grade NAT (100.64.0.0/10)",
        [127, ..] => "a loopback (127.0.0.0/8)",
        [169, 254, ..] => "a link-local (169.254.0.0/16)",
        [172, >= 16 and <= 31, ..] => "a private (172.16.0.0/12)",
        [192, 0, 0, _] => "an IETF protocol (192.0.0.0/24)",
        [192, 0, 2, _] or [198, 51, 100, _] or [203, 0, 113, _] => "a documentation",
        [192, 168, ..] => "a private (192.168.0.0/16)",
        [198, 18 or 19, ..] => "a benchmarking (198.18.0.0/15)",
        [>= 224 and <= 239, ..] => "a multicast (224.0.0.0/4)",
        [>= 240, ..] => "a reserved (240.0.0.0/4)",
        _ => null,
    };

    private bool IsOwn(IPAddress address, int port)
    {
        List<(IPAddress? Address, int Port)> own;
        lock (_lock) own = _own;
        var normalized = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        foreach (var (listening, listeningPort) in own)
        {
            if (listeningPort != port) continue;
            if (listening is not null ? listening.Equals(normalized) : IPAddress.IsLoopback(normalized) || MachineAddresses().Contains(normalized)) return true;
        }

        return false;
    }

    private static HashSet<IPAddress> MachineAddresses()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(u => u.Address).ToHashSet();
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }

}
