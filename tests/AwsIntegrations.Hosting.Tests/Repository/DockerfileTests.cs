using System.Xml.Linq;

namespace AwsIntegrations.Hosting.Tests.Repository;

/// <summary>No Docker engine runs here, so the image recipe is checked by reading it against the solution.</summary>
public sealed class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(RepositoryLayout.PathOf("Dockerfile.base"));

    private static IReadOnlyList<string> Services() =>
        RepositoryLayout.SolutionProjects().Where(p => p.StartsWith("services/", StringComparison.Ordinal)).ToList();

    [Fact]
    public void Dockerfile_SelectsTheEntryPointByServiceFolder()
    {
        Dockerfile.Should().Contain("ARG SERVICE")
            .And.Contain("dotnet publish \"services/${SERVICE}/${SERVICE}.csproj\"")
            .And.Contain("ln -s \"/app/${SERVICE}\" /app/entrypoint")
            .And.Contain("ENTRYPOINT [\"/app/entrypoint\"]");
    }

    [Fact]
    public void Dockerfile_RunsAsANonRootUserOnTheAspNetRuntime()
    {
        Dockerfile.Should().Contain("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime").And.Contain("USER $APP_UID");
        Dockerfile.Should().NotContain("USER root");
    }

    [Fact]
    public void EveryServiceFolder_IsInTheSolution()
    {
        var servicesFolder = RepositoryLayout.PathOf("services");
        var folders = Directory.Exists(servicesFolder)
            ? Directory.GetDirectories(servicesFolder).Select(Path.GetFileName).ToList()
            : [];
        var inSolution = RepositoryLayout.SolutionProjects().Where(p => p.StartsWith("services/", StringComparison.Ordinal)).ToList();

        folders.Where(folder => !inSolution.Contains($"services/{folder}/{folder}.csproj")).Should().BeEmpty(
            "the Dockerfile builds services/<SERVICE>/<SERVICE>.csproj, so each folder must hold exactly that project");
    }

    [Fact]
    public void EveryServiceProject_IsAnExecutableTheDockerfileCanSelect()
    {
        foreach (var project in Services())
        {
            CheckServiceProject(project);
        }
    }

    private static void CheckServiceProject(string project)
    {
        var folder = project.Split('/')[1];
        project.Should().Be($"services/{folder}/{folder}.csproj");
        File.Exists(RepositoryLayout.PathOf(project)).Should().BeTrue();
        File.Exists(RepositoryLayout.PathOf($"services/{folder}/Program.cs")).Should().BeTrue("the entry point is Program.cs");

        var csproj = XDocument.Load(RepositoryLayout.PathOf(project));
        var sdk = csproj.Root!.Attribute("Sdk")?.Value;
        var outputType = csproj.Descendants("OutputType").Select(e => e.Value).FirstOrDefault();
        (sdk == "Microsoft.NET.Sdk.Web" || outputType == "Exe").Should().BeTrue($"{project} must build an executable");
        csproj.Descendants("AssemblyName").Select(e => e.Value).Should().BeEmpty("the apphost must be named after the folder");
    }
}
