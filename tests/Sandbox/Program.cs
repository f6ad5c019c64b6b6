using System.Diagnostics;
using AwsIntegrations.Aws;
using AwsIntegrations.Hosting.Options;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Configuration;
using AwsIntegrations.Sandbox;
using Microsoft.Extensions.DependencyInjection;

SandboxOptions options;
try
{
    options = FlagBinder.Bind<SandboxOptions>(args, _ => null);
}
catch (HelpRequestedException)
{
    Console.Write(FlagHelp.Text("sandbox", new SandboxOptions()));
    return 0;
}
catch (FlagException problem)
{
    Console.Error.WriteLine($"sandbox: {problem.Message}");
    return 2;
}

var root = FindRepositoryRoot();
var env = new SandboxEnvironment(root, Path.GetFullPath(Path.Combine(root, options.WorkDir)));
var ports = SuitePorts.Allocate();
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    if (!options.NoBuild)
    {
        Progress.Step("building the solution (dotnet build; --no-build skips this)");
        await BuildAsync(root, options.Configuration, stop.Token);
        Progress.Done("built");
    }

    await using var supervisor = new ProcessSupervisor(root, options.Configuration, env.LogDirectory);
    var iam = new SandboxIam(root, env.WorkDir);
    AwsSeedFile.Write(env.AwsSeed, iam);
    var emulators = SuiteLayout.Emulators(env);
    Progress.Step($"starting the Kubernetes emulator (:{env.KubePort}) and the AWS emulator (:{env.AwsPort})");
    supervisor.Start(emulators);
    await supervisor.WaitReadyAsync(emulators, TimeSpan.FromSeconds(60), stop.Token);
    await SlowLoadBalancersDownAsync(env, stop.Token);
    Progress.Done($"emulators up; kubeconfig {env.Kubeconfig}");

    var kubectl = new Kubectl(env.Kubeconfig);
    await ClusterSetup.ApplyAsync(kubectl, stop.Token);
    Progress.Done($"cluster: nodes {string.Join(", ", ClusterSetup.NodeNames)} (the AWS instances), IngressClass aws-integrations");

    var services = SuiteLayout.Services(env, ports, iam).Where(s => s.ExistsIn(root)).ToList();
    foreach (var service in services)
    {
        Progress.Step($"starting {service.Name}");
        supervisor.Start(service);
    }

    foreach (var service in services)
    {
        await supervisor.WaitReadyAsync(service, TimeSpan.FromSeconds(90), stop.Token);
        Progress.Done($"{service.Name} ready ({service.ReadinessUrl})");
    }

    await using var backend = await BackendApp.StartAsync();
    if (options.Scenario == Scenario.Demo)
    {
        await DemoScenario.ApplyAsync(kubectl, backend.Port, stop.Token);
        await NodeJoin.ApplyAsync(kubectl, stop.Token);
        _ = Task.Delay(TimeSpan.FromSeconds(3), stop.Token).ContinueWith(
            _ => NodeJoin.MarkPodReadyAsync(kubectl, stop.Token), stop.Token, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default).Unwrap();
        Progress.Done($"node {NodeJoin.NodeName} joins with the startup taint; its kube2iam pod turns Ready in 3 s");
        Progress.Done($"demo applied: namespace {DemoScenario.Namespace}, pod with role {DemoScenario.Role}, Service app → {BackendApp.Address}:{backend.Port}, Ingress {DemoScenario.Host}, Jobs");
    }

    using var observer = CreateObserver(env, ports);
    var view = new LiveView();
    var watched = services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
    if (options.Once)
    {
        var result = await CheckEveryStepAsync(observer, view, watched, options.Scenario, stop.Token);
        await SaveApiCallsAsync(env, stop.Token);
        return result;
    }

    PrintHints(env);
    while (!stop.IsCancellationRequested)
    {
        view.Show((await observer.ObserveAsync(stop.Token)).Where(o => watched.Contains(o.Service)));
        await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
    }

    return 0;
}
catch (SandboxException failure)
{
    Progress.Failed(failure.Message);
    return 1;
}
catch (OperationCanceledException)
{
    Progress.Step("stopping every process");
    return 0;
}

static async Task<int> CheckEveryStepAsync(Observer observer, LiveView view, HashSet<string> watched, Scenario scenario, CancellationToken cancellationToken)
{
    if (scenario == Scenario.Empty)
    {
        Progress.Done("every process is up");
        return 0;
    }

    var clock = Stopwatch.StartNew();
    IReadOnlyList<Observation> last = [];
    while (clock.Elapsed < TimeSpan.FromMinutes(3))
    {
        last = (await observer.ObserveAsync(cancellationToken)).Where(o => watched.Contains(o.Service)).ToList();
        view.Show(last);
        if (last.All(o => o.Done))
        {
            Progress.Done($"every step checked in {clock.Elapsed.TotalSeconds:0.0} s");
            return 0;
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
    }

    foreach (var failed in last.Where(o => !o.Done))
    {
        Progress.Failed($"step {failed.Service} not reached: {failed.Text}");
    }

    return 1;
}

// AWS takes minutes to provision a load balancer; the emulator's default is 3 s. The sandbox gives it 10 s, so a person (and
// the live view, which reads AWS every 2 s while a busy machine may stretch that) sees it provisioning. It costs no time: the
// IngressController writes the status on its next 15 s requeue either way.
static async Task SlowLoadBalancersDownAsync(SandboxEnvironment env, CancellationToken cancellationToken)
{
    using var http = new HttpClient();
    using var body = new StringContent("{\"loadBalancerProvisioningSeconds\":10}", System.Text.Encoding.UTF8, "application/json");
    using var answer = await http.PostAsync(new Uri(env.AwsEndpoint, "/_emulator/behavior"), body, cancellationToken);
    if (!answer.IsSuccessStatusCode)
    {
        throw new SandboxException($"the AWS emulator refused its behaviour settings: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync(cancellationToken)}");
    }
}

// Every Kubernetes and AWS API call each service made (by User-Agent): for the least-privilege check of deploy/'s RBAC,
// and for the AWS call budget of a run under AWS's timing and throttling.
static async Task SaveApiCallsAsync(SandboxEnvironment env, CancellationToken cancellationToken)
{
    using var http = new HttpClient();
    var kubeCalls = await http.GetStringAsync(new Uri($"http://127.0.0.1:{env.KubePort}/_emulator/requests"), cancellationToken);
    await File.WriteAllTextAsync(Path.Combine(env.WorkDir, "kube-api-calls.json"), kubeCalls, cancellationToken);
    var awsCalls = await http.GetStringAsync(new Uri(env.AwsEndpoint, "/_emulator/calls"), cancellationToken);
    await File.WriteAllTextAsync(Path.Combine(env.WorkDir, "aws-api-calls.json"), awsCalls, cancellationToken);
}

static Observer CreateObserver(SandboxEnvironment env, SuitePorts ports)
{
    var services = new ServiceCollection();
    services.AddSingleton<IAwsCredentialsProvider>(new StaticCredentialsProvider(new AwsCredentials(SandboxEnvironment.AccessKeyId, SandboxEnvironment.SecretAccessKey)));
    services.AddAwsIntegrations(o =>
    {
        o.Region = SandboxEnvironment.Region;
        o.EndpointUrl = env.AwsEndpoint.ToString();
    });
#pragma warning disable ASP0000 // Not an ASP.NET app's container: the sandbox's own AWS clients, read-only views of the emulator.
    var provider = services.BuildServiceProvider();
#pragma warning restore ASP0000
    var kube = new KubernetesConnection(KubernetesConfigLoader.FromKubeconfig(env.Kubeconfig)).Client;
    return new Observer(ports, kube, provider.GetRequiredService<IElbV2Api>(), provider.GetRequiredService<IRoute53Api>());
}

static void PrintHints(SandboxEnvironment env)
{
    File.WriteAllText(Path.Combine(env.WorkDir, "shop-ingress.yaml"), $$"""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
          namespace: {{DemoScenario.Namespace}}
        spec:
          ingressClassName: aws-integrations
          tls: [{ hosts: ["shop.{{SandboxEnvironment.Domain}}"] }]
          rules:
            - host: shop.{{SandboxEnvironment.Domain}}
              http:
                paths:
                  - { path: /, pathType: Prefix, backend: { service: { name: app, port: { name: http } } } }
        """);
    Console.WriteLine($"""

        The suite runs. Drive it with kubectl (logs of every process: {env.LogDirectory}):
          export KUBECONFIG={env.Kubeconfig}
          kubectl get nodes,ingress,jobs -A
          kubectl apply -f {Path.Combine(env.WorkDir, "shop-ingress.yaml")}      # a second Ingress: ALB certificate, DNS record, route
          kubectl -n demo annotate pod {DemoScenario.PodName} --overwrite iam.amazonaws.com/role=app-writer
          kubectl -n demo delete job {DemoScenario.OverrunningJob}
        AWS (emulated): AWS_ENDPOINT_URL={env.AwsEndpoint} AWS_ACCESS_KEY_ID={SandboxEnvironment.AccessKeyId} AWS_REGION={SandboxEnvironment.Region}
        Press Ctrl-C to stop every process.

        """);
}

static async Task BuildAsync(string root, string configuration, CancellationToken cancellationToken)
{
    var info = new ProcessStartInfo("dotnet", ["build", "AwsIntegrations.sln", "-c", configuration, "--nologo", "-v", "quiet"])
    {
        WorkingDirectory = root,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    using var build = Process.Start(info)!;
    var output = build.StandardOutput.ReadToEndAsync(cancellationToken);
    var errors = build.StandardError.ReadToEndAsync(cancellationToken);
    await build.WaitForExitAsync(cancellationToken);
    if (build.ExitCode != 0)
    {
        throw new SandboxException("build failed:\n" + await output + await errors);
    }
}

static string FindRepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AwsIntegrations.sln")))
            {
                return directory.FullName;
            }
        }
    }

    throw new SandboxException("run the sandbox from inside the repository (AwsIntegrations.sln not found)");
}
