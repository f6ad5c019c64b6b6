using System.Globalization;

namespace AwsIntegrations.Emulators;

/// <summary>Command-line options of the standalone emulators.</summary>
public sealed record EmulatorArguments(int KubePort, string? KubeconfigOut, bool KubeTls = false)
{
    public static EmulatorArguments Parse(IReadOnlyList<string> args)
    {
        var result = new EmulatorArguments(18080, null);
        for (var i = 0; i < args.Count; i++)
        {
            var raw = args[i];
            if (raw == "--kube-tls")
            {
                result = result with { KubeTls = true };
                continue;
            }

            var (name, value) = raw.Split('=', 2) is [var n, var v] ? (n, v) : (raw, i + 1 < args.Count ? args[++i] : null);
            result = name switch
            {
                "--kube-port" when int.TryParse(value, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535 => result with { KubePort = port },
                "--kubeconfig-out" when !string.IsNullOrEmpty(value) => result with { KubeconfigOut = value },
                _ => throw new ArgumentException($"unknown or invalid option {raw} {value} (known: --kube-port N, --kubeconfig-out FILE, --kube-tls)"),
            };
        }

        return result;
    }
}
