using System.Text.Json;
using Microsoft.AspNetCore.Http;
using System.Text.Json.Nodes;
using AwsIntegrations.Router.Backends;
using AwsIntegrations.Router.Options;
using AwsIntegrations.Router.Routing;
using AwsIntegrations.Router.Tests.Support;

namespace AwsIntegrations.Router.Tests.Golden;

/// <summary>
/// testdata/&lt;case&gt;/cluster.yaml (Ingresses, Services, EndpointSlices) and requests.txt ("[METHOD] host path[?query]
/// [Header:value ...]" per line) →
/// expected.json: the route table in matching order, the problems reported as Events, and the route each request gets.
/// Set UPDATE_GOLDEN=1 to rewrite expected.json (then review the diff).
/// </summary>
public sealed class GoldenFileTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(RepositoryPaths.TestData).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_GoldenCase_MatchesExpectedRouteTable(string name)
    {
        var dir = Path.Combine(RepositoryPaths.TestData, name);
        var state = ClusterStateYaml.Parse(File.ReadAllText(Path.Combine(dir, "cluster.yaml")));
        var result = RouteTableBuilder.Build(state, new BuildSettings(RouterOptions.DefaultIngressClass, LoadBalancing.RoundRobin, TimeSpan.FromSeconds(60), new EndpointRegistry()));

        var actual = new JsonObject
        {
            ["routes"] = RouteTableDescription.Routes(result.Table),
            ["problems"] = new JsonArray([.. result.Problems.Select(p => new JsonObject
            {
                ["ingress"] = $"{p.Ingress.Metadata.NamespaceProperty}/{p.Ingress.Metadata.Name}",
                ["reason"] = p.Reason,
                ["message"] = p.Message,
            })]),
            ["requests"] = Requests(dir, result.Table),
        }.ToJsonString(Indented) + "\n";

        var expectedPath = Path.Combine(dir, "expected.json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        actual.Should().Be(File.ReadAllText(expectedPath), $"testdata/{name}/expected.json describes the table (UPDATE_GOLDEN=1 rewrites it)");
    }

    private static JsonObject Requests(string dir, RouteTable table)
    {
        var requests = new JsonObject();
        var file = Path.Combine(dir, "requests.txt");
        foreach (var line in File.Exists(file) ? File.ReadAllLines(file) : [])
        {
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var route = table.Match(Request(line));
            requests[line.Trim()] = route is null ? "404" : RouteTableDescription.Summary(route);
        }

        return requests;
    }

    private static HttpRequest Request(string line)
    {
        var parts = new Queue<string>(line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var context = new DefaultHttpContext();
        var request = context.Request;
        if (parts.Peek().All(char.IsAsciiLetterUpper))
        {
            request.Method = parts.Dequeue();
        }

        request.Host = new HostString(parts.Dequeue());
        var target = parts.Dequeue();
        var question = target.IndexOf('?', StringComparison.Ordinal);
        request.Path = new PathString(question < 0 ? target : target[..question]);
        request.QueryString = question < 0 ? QueryString.Empty : new QueryString(target[question..]);
        foreach (var header in parts)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            request.Headers.Append(header[..colon], header[(colon + 1)..]);
        }

        return request;
    }
}
