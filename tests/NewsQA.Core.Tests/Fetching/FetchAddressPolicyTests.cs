using System.Net;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Fetching;

namespace NewsQA.Core.Tests.Fetching;

public class FetchAddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.8.9.10", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "link-local")] // cloud metadata services
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fc00::1", "unique-local")]
    [InlineData("fd12:3456::1", "unique-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("64:ff9b::7f00:1", "loopback")] // 127.0.0.1 through NAT64
    [InlineData("2002:c0a8:0101::1", "private")] // 192.168.1.1 through 6to4
    [InlineData("::127.0.0.1", "reserved")]
    public void AddressesThatAreNotPublic_AreNamedForWhatTheyAre(string address, string kind) =>
        Assert.Contains(kind, FetchAddressPolicy.NonPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void PublicAddresses_AreAllowed(string address) => Assert.Null(FetchAddressPolicy.NonPublic(IPAddress.Parse(address)));

    [Fact]
    public void TheServicesOwnAddresses_AreRefused_WhateverTheHost_ButOnlyOnTheirPort()
    {
        var policy = new FetchAddressPolicy(Options.Create(new IngestionOptions { AllowPrivateHosts = ["localhost"] }));
        policy.RefuseOwnAddresses(["http://localhost:5080", "http://[::]:8443", "http://*:9000"]);
        Assert.NotNull(policy.Refusal(IPAddress.Loopback, 5080, allowPrivate: true));
        Assert.NotNull(policy.Refusal(IPAddress.IPv6Loopback, 5080, allowPrivate: true));
        Assert.NotNull(policy.Refusal(IPAddress.Parse("127.0.0.1"), 8443, allowPrivate: true));
        Assert.NotNull(policy.Refusal(IPAddress.Parse("::ffff:127.0.0.1"), 9000, allowPrivate: true));
        Assert.Null(policy.Refusal(IPAddress.Loopback, 5081, allowPrivate: true));
        Assert.Null(policy.Refusal(IPAddress.Parse("8.8.8.8"), 5080, allowPrivate: false));
    }

    [Theory]
    [InlineData("http://intranet.example")]
    [InlineData("intranet.example:8080")]
    [InlineData("intranet.example/path")]
    [InlineData(" ")]
    public void AnAllowedHostThatIsNotAHostName_FailsValidation_NamingTheKey(string host)
    {
        var options = new IngestionOptions { AllowPrivateHosts = [host] };
        var results = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();
        Assert.Contains(results, r => r.ErrorMessage!.StartsWith("Ingestion:AllowPrivateHosts:0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("intranet.example")]
    [InlineData("localhost")]
    [InlineData("10.1.2.3")]
    [InlineData("[fd00::1]")]
    [InlineData("أخبار.example")]
    public void HostNamesAndAddresses_AreValid(string host)
    {
        var options = new IngestionOptions { AllowPrivateHosts = [host] };
        Assert.Empty(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }
}
