using System.Text;
using AwsIntegrations.Benchmarks.Router.Cluster;

namespace AwsIntegrations.Benchmarks.Router.Table;

/// <summary>A wrk Lua script that cycles through prepared requests to random Ingresses of the cluster (host and path).</summary>
public static class WrkScript
{
    public static string Write(string dir, int ingresses)
    {
        var random = new Random(7);
        var targets = Path.Combine(dir, $"targets-{ingresses}.txt");
        var lines = new StringBuilder();
        for (var k = 0; k < Math.Max(4096, ingresses); k++)
        {
            var i = random.Next(ingresses);
            lines.Append(SyntheticCluster.RequestHost(i)).Append(' ').Append(SyntheticCluster.RequestPath(i, random.Next(4))).Append('\n');
        }

        File.WriteAllText(targets, lines.ToString());
        var script = Path.Combine(dir, $"targets-{ingresses}.lua");
        File.WriteAllText(script, $$"""
            local requests = {}
            for line in io.lines("{{targets}}") do
              local host, path = line:match("^(%S+) (%S+)$")
              requests[#requests + 1] = wrk.format("GET", path, { Host = host })
            end
            local n = math.random(#requests)
            request = function()
              n = n % #requests + 1
              return requests[n]
            end
            """);
        return script;
    }
}
