using System.Diagnostics;
using YamlDotNet.Serialization;

namespace AwsIntegrations.Deploy.Tests;

/// <summary>Renders a kustomization with the real kubectl and parses the objects.</summary>
public static class Kustomize
{
    public static async Task<string> RenderAsync(string folder)
    {
        var info = new ProcessStartInfo("kubectl", ["kustomize", Repository.PathOf(folder)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, $"kubectl kustomize {folder} must render: {errors}");
        return output;
    }

    public static IReadOnlyList<Dictionary<object, object>> Objects(string yaml)
    {
        var deserializer = new DeserializerBuilder().Build();
        return yaml.Split("\n---\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(document => deserializer.Deserialize<Dictionary<object, object>>(document))
            .Where(o => o is not null)
            .ToList();
    }

    public static object? At(this object? node, params object[] path)
    {
        foreach (var step in path)
        {
            node = (node, step) switch
            {
                (Dictionary<object, object> map, string key) => map.GetValueOrDefault(key),
                (List<object> list, int index) => index < list.Count ? list[index] : null,
                _ => null,
            };
        }

        return node;
    }

    public static string? Text(this object? node, params object[] path) => node.At(path) as string;

    public static List<object> Items(this object? node, params object[] path) => node.At(path) as List<object> ?? [];
}
