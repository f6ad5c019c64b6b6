using System.Text.Json;
using AwsIntegrations.Deploy.Tests;

namespace AwsIntegrations.Sandbox.Tests;

/// <summary>
/// Least privilege, proven: every Kubernetes API call each service made during the sandbox run (told apart by User-Agent) is
/// granted by its ServiceAccount's roles in deploy/base, and every grant was either used or is on the short list below of
/// grants for paths the demo does not take.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class RbacTests(SandboxRun run)
{
    /// <summary>Grants the demo does not exercise, each with the path that needs it.</summary>
    private static readonly Dictionary<string, string[]> NotExercisedByTheDemo = new()
    {
        ["Kube2Iam"] = ["/events/create", "/events/patch"],                     // Events on denied role requests
        ["Router"] = ["/events/create", "/events/patch"],                       // Events on conflicting or invalid Ingresses
        ["IngressController"] = ["/pods/list", "/pods/watch", "/events/create", "/events/patch"], // --target-type ip; Events on missing certificates
        ["DnsController"] = ["/events/patch"],                                  // repeated Events are aggregated with a patch
        ["JobCleaner"] = ["batch/jobs/get", "/pods/list", "/pods/delete", "/namespaces/get", "/events/create", "/events/patch"], // --delete-orphan-pods; invalid annotations
        ["NodeGate"] = ["/nodes/get", "/pods/get", "apps/daemonsets/get", "/events/create", "/events/patch"], // re-read after a conflict; the Event of a released node (the run can end before its Event is sent); aggregated Events
    };

    [Fact]
    public async Task EveryServiceCall_IsGrantedAndEveryGrantIsNeeded()
    {
        run.ExitCode.Should().Be(0, run.Output);
        var calls = Calls();
        var grants = Grants(Kustomize.Objects(await Kustomize.RenderAsync("deploy/base")));

        foreach (var service in NotExercisedByTheDemo.Keys)
        {
            calls.Should().ContainKey(service, $"{service} talked to the API server during the run");
            var granted = grants[service];
            calls[service].Except(granted).Should().BeEmpty($"deploy/ must grant {service} every call it makes");
            // A subset, not equality: the demo may or may not take a listed path (e.g. an Event on a transient conflict).
            granted.Except(calls[service]).Should().BeSubsetOf(NotExercisedByTheDemo[service],
                $"{service}'s roles grant nothing beyond what it calls (or what a documented path needs)");
        }
    }

    private Dictionary<string, HashSet<string>> Calls()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.WorkDir, "kube-api-calls.json")));
        return document.RootElement.GetProperty("items").EnumerateArray()
            .GroupBy(c => c.GetProperty("userAgent").GetString()!.Split('/')[0])
            .ToDictionary(g => g.Key, g => g.Select(c => $"{c.GetProperty("group").GetString()}/{c.GetProperty("resource").GetString()}/{c.GetProperty("verb").GetString()}").ToHashSet());
    }

    /// <summary>(group/resource/verb) granted to each service's ServiceAccount by the ClusterRoles and Roles bound to it.</summary>
    private static Dictionary<string, HashSet<string>> Grants(IReadOnlyList<Dictionary<object, object>> objects)
    {
        var accountOf = objects.Where(o => o.Text("kind") is "Deployment" or "DaemonSet").ToDictionary(
            w => w.Text("spec", "template", "metadata", "annotations", "aws-integrations.io/service")!,
            w => w.Text("spec", "template", "spec", "serviceAccountName")!);
        var roles = objects.Where(o => o.Text("kind") is "ClusterRole" or "Role")
            .ToDictionary(r => $"{r.Text("kind")}/{r.Text("metadata", "name")}", r => r.Items("rules"));
        var result = new Dictionary<string, HashSet<string>>();
        foreach (var (service, account) in accountOf)
        {
            var granted = new HashSet<string>();
            foreach (var binding in objects.Where(o => o.Text("kind") is "ClusterRoleBinding" or "RoleBinding"))
            {
                if (!binding.Items("subjects").Any(s => s.Text("kind") == "ServiceAccount" && s.Text("name") == account))
                {
                    continue;
                }

                foreach (var rule in roles[$"{binding.Text("roleRef", "kind")}/{binding.Text("roleRef", "name")}"])
                {
                    foreach (var group in rule.Items("apiGroups").Cast<string>())
                    {
                        foreach (var resource in rule.Items("resources").Cast<string>())
                        {
                            foreach (var verb in rule.Items("verbs").Cast<string>())
                            {
                                granted.Add($"{group}/{resource}/{verb}");
                            }
                        }
                    }
                }
            }

            result[service] = granted;
        }

        return result;
    }
}
