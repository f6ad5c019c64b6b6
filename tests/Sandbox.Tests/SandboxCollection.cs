namespace AwsIntegrations.Sandbox.Tests;

/// <summary>One sandbox run serves every test here: it takes the whole suite's processes and a minute on 2 cores.</summary>
[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxRun>
{
    public const string Name = "sandbox";
}
