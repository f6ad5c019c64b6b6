using AwsIntegrations.Testing;

namespace AwsIntegrations.Benchmarks.Router.Sides;

/// <summary>Starts nginx and haproxy from Debian in the foreground with a configuration written to the run's folder.</summary>
public static class ProxyProcesses
{
    public static ChildProcess StartNginx(string dir, string name, string config) =>
        ChildProcess.Start("nginx", ["-e", "stderr", "-p", dir, "-c", Write(dir, name, config)]);

    public static ChildProcess StartHaproxy(string dir, string name, string config) =>
        ChildProcess.Start("haproxy", ["-db", "-f", Write(dir, name, config)]);

    private static string Write(string dir, string name, string config)
    {
        var path = Path.Combine(dir, name + ".conf");
        File.WriteAllText(path, config + "\n"); // haproxy refuses a last line without LF
        return path;
    }
}
