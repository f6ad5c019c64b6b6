using System.Text.Json;

namespace AwsIntegrations.Benchmarks.Router.Rollout;

/// <summary>
/// The Router's "Forwarding ... failed" log events (EventId 4101, JSON lines), counted by cause; RequestCanceled (the client went
/// away: wrk closes its connections with requests in flight when its time is up) is not a failure of the Router and is left out.
/// </summary>
public static class ForwardingFailures
{
    public static Dictionary<string, int> Count(IEnumerable<string> logLines)
    {
        var causes = new Dictionary<string, int>();
        foreach (var line in logLines.Where(l => l.Contains("\"EventId\":4101", StringComparison.Ordinal)))
        {
            using var json = JsonDocument.Parse(line);
            var state = json.RootElement.GetProperty("State");
            if (state.GetProperty("Error").GetString() == "RequestCanceled")
            {
                continue;
            }

            var cause = $"{state.GetProperty("Error").GetString()} / {state.GetProperty("HttpRequestError").GetString()}: {state.GetProperty("Reason").GetString()}";
            causes[cause] = causes.GetValueOrDefault(cause) + 1;
        }

        return causes;
    }
}
