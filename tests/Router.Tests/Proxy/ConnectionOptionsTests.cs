using System.Net.Http;
using Microsoft.Extensions.Primitives;
using AwsIntegrations.Router.Proxy;

namespace AwsIntegrations.Router.Tests.Proxy;

/// <summary>RFC 9110 section 7.6.1: the fields a request's Connection header names are this hop's and are not forwarded.</summary>
public sealed class ConnectionOptionsTests
{
    [Fact]
    public void RemoveNominated_NamedFields_AreRemovedFromHeadersAndContent()
    {
        var request = Outgoing(("X-Secret", "s"), ("X-Kept", "k"), ("Content-Type", "text/plain"));

        var dropped = ConnectionOptions.RemoveNominated(new StringValues(["keep-alive, X-Secret, Location", "content-type"]), request);

        dropped.Should().Be(ForwardedFields.None);
        request.Headers.Contains("X-Secret").Should().BeFalse();
        request.Content!.Headers.Contains("Content-Type").Should().BeFalse();
        request.Headers.Contains("X-Kept").Should().BeTrue();
    }

    [Fact]
    public void RemoveNominated_ForwardedFields_AreReportedSoThisHopSetsItsOwn()
    {
        var request = Outgoing(("X-Forwarded-For", "6.6.6.6"), ("X-Forwarded-Proto", "https"));

        var dropped = ConnectionOptions.RemoveNominated(new StringValues(" x-forwarded-for ,\tX-Forwarded-Proto,X-Forwarded-Host , X-Forwarded-Port"), request);

        dropped.Should().Be(ForwardedFields.For | ForwardedFields.Proto | ForwardedFields.Host | ForwardedFields.Port);
        request.Headers.Contains("X-Forwarded-For").Should().BeFalse();
    }

    [Fact]
    public void RemoveNominated_FramingHostAndNonTokens_AreLeftAlone()
    {
        var request = Outgoing(("Content-Length", "4"), ("X-A", "a"));

        var dropped = ConnectionOptions.RemoveNominated(new StringValues("Content-Length, Host, X A, X-A(, , close"), request);

        dropped.Should().Be(ForwardedFields.None);
        request.Content!.Headers.ContentLength.Should().Be(4, "the body's framing is the message's, not the connection's");
        request.Headers.Contains("X-A").Should().BeTrue("\"X-A(\" is not a field name");
    }

    private static HttpRequestMessage Outgoing(params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/") { Content = new ByteArrayContent([1, 2, 3, 4]) };
        foreach (var (name, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }
}
