namespace AwsIntegrations.Sandbox;

/// <summary>
/// The sandbox's AWS account: one VPC with two tagged subnets in two zones, a security group, three instances (they become the
/// Nodes), an ACM certificate for *.example.org, a public hosted zone example.org, and IAM: the controllers' and the node's
/// roles with their policies from deploy/, and the roles the demo pods may assume (<see cref="SandboxIam"/>).
/// </summary>
public static class AwsSeedFile
{
    public static readonly string[] InstanceIds = ["i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002", "i-0a1b2c3d4e5f60003"];
    public static readonly string[] InstanceZones = ["eu-central-1a", "eu-central-1b", "eu-central-1a"];

    public static void Write(string path, SandboxIam iam) => File.WriteAllText(path, $$"""
        # Written by the sandbox; the AWS emulator starts from it (--aws-seed).
        region: {{SandboxEnvironment.Region}}
        accountId: "{{SandboxEnvironment.AccountId}}"
        clusterName: {{SandboxEnvironment.ClusterId}}
        vpcs:
          - id: vpc-0a1b2c3d4e5f60001
            cidrBlock: 10.0.0.0/16
            tags: { "kubernetes.io/cluster/sandbox": owned, Name: sandbox }
        subnets:
          - id: subnet-0a1b2c3d4e5f60001
            vpcId: vpc-0a1b2c3d4e5f60001
            cidrBlock: 10.0.1.0/24
            availabilityZone: eu-central-1a
            tags: { "kubernetes.io/cluster/sandbox": owned, "kubernetes.io/role/elb": "1", Name: sandbox-a }
          - id: subnet-0a1b2c3d4e5f60002
            vpcId: vpc-0a1b2c3d4e5f60001
            cidrBlock: 10.0.2.0/24
            availabilityZone: eu-central-1b
            tags: { "kubernetes.io/cluster/sandbox": owned, "kubernetes.io/role/elb": "1", Name: sandbox-b }
        securityGroups:
          - id: sg-0a1b2c3d4e5f60001
            name: sandbox-ingress
            vpcId: vpc-0a1b2c3d4e5f60001
            tags: { "kubernetes.io/cluster/sandbox": owned, "kubernetes:application": kube-ingress-aws-controller }
        instances:
          - id: {{InstanceIds[0]}}
            subnetId: subnet-0a1b2c3d4e5f60001
            privateIpAddress: 10.0.1.10
            tags: { "kubernetes.io/cluster/sandbox": owned, Name: sandbox-node-1 }
          - id: {{InstanceIds[1]}}
            subnetId: subnet-0a1b2c3d4e5f60002
            privateIpAddress: 10.0.2.10
            tags: { "kubernetes.io/cluster/sandbox": owned, Name: sandbox-node-2 }
          - id: {{InstanceIds[2]}}
            subnetId: subnet-0a1b2c3d4e5f60001
            privateIpAddress: 10.0.1.11
            tags: { "kubernetes.io/cluster/sandbox": owned, Name: sandbox-node-3 }
        certificates:
          - domainName: "*.{{SandboxEnvironment.Domain}}"
            subjectAlternativeNames: ["*.{{SandboxEnvironment.Domain}}", "{{SandboxEnvironment.Domain}}"]
            status: ISSUED
            notBefore: {{DateTimeOffset.UtcNow.AddDays(-10):yyyy-MM-ddTHH:mm:ssZ}}
            notAfter: {{DateTimeOffset.UtcNow.AddDays(80):yyyy-MM-ddTHH:mm:ssZ}}
        hostedZones:
          - name: {{SandboxEnvironment.Domain}}.
            id: {{SandboxIam.ZoneId}}

        """ + iam.SeedRoles(["app-reader", "app-writer"]));
}
