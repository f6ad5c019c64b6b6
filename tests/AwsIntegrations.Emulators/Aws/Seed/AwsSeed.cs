using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// What the emulated account starts with (YAML or JSON, camelCase keys). <see cref="Default"/> is the sandbox account:
/// eu-central-1, cluster "sandbox", one VPC, two tagged subnets in two zones, one security group, three instances.
/// </summary>
public sealed class AwsSeed
{
    public string Region { get; set; } = "eu-central-1";
    public string AccountId { get; set; } = "123456789012";
    public string ClusterName { get; set; } = "sandbox";
    public List<SeedCredentials> AccessKeys { get; set; } = [];
    public List<SeedVpc> Vpcs { get; set; } = [];
    public List<SeedSubnet> Subnets { get; set; } = [];
    public List<SeedSecurityGroup> SecurityGroups { get; set; } = [];
    public List<SeedInstance> Instances { get; set; } = [];
    public List<SeedCertificate> Certificates { get; set; } = [];
    public List<SeedHostedZone> HostedZones { get; set; } = [];
    public List<SeedRole> Roles { get; set; } = [];
    public List<SeedWebAcl> WebAcls { get; set; } = [];

    public static AwsSeed Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"AWS seed file not found: {path}", path);
        }

        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        try
        {
            return deserializer.Deserialize<AwsSeed?>(File.ReadAllText(path)) ?? throw new InvalidDataException($"AWS seed file is empty: {path}");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"AWS seed file {path} is not valid: {e.Message}", e);
        }
    }

    public static AwsSeed Default()
    {
        const string cluster = "kubernetes.io/cluster/sandbox";
        return new AwsSeed
        {
            Vpcs = [new SeedVpc { Id = "vpc-0a1b2c3d4e5f60001", CidrBlock = "10.0.0.0/16", Tags = new() { [cluster] = "owned", ["Name"] = "sandbox" } }],
            Subnets =
            [
                new SeedSubnet { Id = "subnet-0a1b2c3d4e5f60001", VpcId = "vpc-0a1b2c3d4e5f60001", CidrBlock = "10.0.1.0/24", AvailabilityZone = "eu-central-1a", Tags = new() { [cluster] = "owned", ["kubernetes.io/role/elb"] = "1", ["Name"] = "sandbox-a" } },
                new SeedSubnet { Id = "subnet-0a1b2c3d4e5f60002", VpcId = "vpc-0a1b2c3d4e5f60001", CidrBlock = "10.0.2.0/24", AvailabilityZone = "eu-central-1b", Tags = new() { [cluster] = "owned", ["kubernetes.io/role/elb"] = "1", ["Name"] = "sandbox-b" } },
            ],
            SecurityGroups = [new SeedSecurityGroup { Id = "sg-0a1b2c3d4e5f60001", Name = "sandbox-ingress", VpcId = "vpc-0a1b2c3d4e5f60001", Tags = new() { [cluster] = "owned", ["kubernetes:application"] = "kube-ingress-aws-controller" } }],
            Instances =
            [
                new SeedInstance { Id = "i-0a1b2c3d4e5f60001", SubnetId = "subnet-0a1b2c3d4e5f60001", PrivateIpAddress = "10.0.1.10", Tags = new() { [cluster] = "owned", ["Name"] = "sandbox-node-1", ["k8s.io/role/node"] = "1" } },
                new SeedInstance { Id = "i-0a1b2c3d4e5f60002", SubnetId = "subnet-0a1b2c3d4e5f60002", PrivateIpAddress = "10.0.2.10", Tags = new() { [cluster] = "owned", ["Name"] = "sandbox-node-2", ["k8s.io/role/node"] = "1" } },
                new SeedInstance { Id = "i-0a1b2c3d4e5f60003", SubnetId = "subnet-0a1b2c3d4e5f60001", PrivateIpAddress = "10.0.1.11", Tags = new() { [cluster] = "owned", ["Name"] = "sandbox-node-3", ["k8s.io/role/node"] = "1" } },
            ],
        };
    }
}

public sealed class SeedCredentials
{
    public string AccessKeyId { get; set; } = string.Empty;
    public string SecretAccessKey { get; set; } = string.Empty;
}

public sealed class SeedVpc
{
    public string Id { get; set; } = string.Empty;
    public string CidrBlock { get; set; } = "10.0.0.0/16";
    public Dictionary<string, string> Tags { get; set; } = [];
}

public sealed class SeedSubnet
{
    public string Id { get; set; } = string.Empty;
    public string VpcId { get; set; } = string.Empty;
    public string CidrBlock { get; set; } = string.Empty;
    public string AvailabilityZone { get; set; } = string.Empty;
    public bool Public { get; set; } = true;
    public Dictionary<string, string> Tags { get; set; } = [];
}

public sealed class SeedSecurityGroup
{
    public string Id { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string VpcId { get; set; } = string.Empty;
    public Dictionary<string, string> Tags { get; set; } = [];
}

public sealed class SeedInstance
{
    public string Id { get; set; } = string.Empty;
    public string SubnetId { get; set; } = string.Empty;
    public string PrivateIpAddress { get; set; } = string.Empty;
    public string State { get; set; } = "running";
    public string InstanceType { get; set; } = "m5.large";
    public string? UserData { get; set; }
    public Dictionary<string, string> Tags { get; set; } = [];
}

public sealed class SeedCertificate
{
    public string? Arn { get; set; }
    public string DomainName { get; set; } = string.Empty;
    public List<string> SubjectAlternativeNames { get; set; } = [];
    public string Status { get; set; } = "ISSUED";
    public string Type { get; set; } = "IMPORTED";
    public DateTimeOffset? NotAfter { get; set; }
    public DateTimeOffset? NotBefore { get; set; }
    public Dictionary<string, string> Tags { get; set; } = [];
}

public sealed class SeedHostedZone
{
    public string? Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public bool Private { get; set; }
    public List<string> VpcIds { get; set; } = [];
    public List<SeedRecord> Records { get; set; } = [];
}

public sealed class SeedRecord
{
    public string Name { get; set; } = string.Empty;
    public string Type { get; set; } = "A";
    public long? Ttl { get; set; } = 300;
    public List<string> Values { get; set; } = [];
    public string? SetIdentifier { get; set; }
    public long? Weight { get; set; }
    public string? AliasHostedZoneId { get; set; }
    public string? AliasDnsName { get; set; }
}

public sealed class SeedRole
{
    public string Name { get; set; } = string.Empty;
    public string? ExternalId { get; set; }

    /// <summary>The role's trust policy; with it or with policies, IAM defines the role and enforces them.</summary>
    public SeedPolicy? TrustPolicy { get; set; }

    /// <summary>The role's permissions policies: calls signed by its sessions are checked against them.</summary>
    public List<SeedPolicy> Policies { get; set; } = [];
}

public sealed class SeedPolicy
{
    public string Name { get; set; } = string.Empty;

    /// <summary>The policy document (JSON).</summary>
    public string Document { get; set; } = string.Empty;
}

public sealed class SeedWebAcl
{
    public string Name { get; set; } = string.Empty;
    public string? Id { get; set; }
}
