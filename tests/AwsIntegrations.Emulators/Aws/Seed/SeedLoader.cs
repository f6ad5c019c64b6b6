using AwsIntegrations.Aws;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>Builds the emulated account from a seed, with what AWS would add by itself (route tables, SOA/NS records).</summary>
public static class SeedLoader
{
    public static AwsState Build(AwsSeed seed, TimeProvider time, AwsCredentials defaultCredentials)
    {
        var state = new AwsState(seed.Region, seed.AccountId, time);
        var now = time.GetUtcNow();
        state.AccessKeys[defaultCredentials.AccessKeyId] = defaultCredentials;
        foreach (var key in seed.AccessKeys)
        {
            state.AccessKeys[key.AccessKeyId] = new AwsCredentials(key.AccessKeyId, key.SecretAccessKey);
        }

        foreach (var role in seed.Roles)
        {
            state.Roles[role.Name] = role.ExternalId;
            if (role.TrustPolicy is not null || role.Policies.Count > 0)
            {
                state.Iam.Define(seed.AccountId, role.Name, role.TrustPolicy is { } trust ? (trust.Name, trust.Document) : null, role.Policies.Select(p => (p.Name, p.Document)));
            }
        }

        foreach (var v in seed.Vpcs)
        {
            state.Vpcs.Add(new Vpc { Id = v.Id, CidrBlock = v.CidrBlock, Tags = v.Tags });
            var igw = "igw-" + v.Id["vpc-".Length..];
            var publicSubnets = seed.Subnets.Where(s => s.VpcId == v.Id && s.Public).Select(s => s.Id).ToList();
            state.RouteTables.Add(new RouteTable { Id = "rtb-" + v.Id["vpc-".Length..], VpcId = v.Id, Main = true, Routes = [(v.CidrBlock, "local")] });
            if (publicSubnets.Count > 0)
            {
                state.RouteTables.Add(new RouteTable { Id = state.NewId("rtb-"), VpcId = v.Id, SubnetIds = publicSubnets, Routes = [(v.CidrBlock, "local"), ("0.0.0.0/0", igw)] });
            }
        }

        foreach (var s in seed.Subnets)
        {
            Require(state.Vpcs.Any(v => v.Id == s.VpcId), $"subnet {s.Id} names unknown VPC {s.VpcId}");
            state.Subnets.Add(new Subnet { Id = s.Id, VpcId = s.VpcId, CidrBlock = s.CidrBlock, AvailabilityZone = s.AvailabilityZone, MapPublicIpOnLaunch = s.Public, Tags = s.Tags });
        }

        foreach (var g in seed.SecurityGroups)
        {
            Require(state.Vpcs.Any(v => v.Id == g.VpcId), $"security group {g.Id} names unknown VPC {g.VpcId}");
            state.SecurityGroups.Add(new SecurityGroup { Id = g.Id, Name = g.Name, VpcId = g.VpcId, Tags = g.Tags });
        }

        var profile = $"arn:aws:iam::{seed.AccountId}:instance-profile/{seed.ClusterName}-node";
        foreach (var i in seed.Instances)
        {
            var subnet = state.Subnets.FirstOrDefault(s => s.Id == i.SubnetId) ?? throw new InvalidDataException($"instance {i.Id} names unknown subnet {i.SubnetId}");
            state.Instances.Add(new Instance
            {
                Id = i.Id, SubnetId = subnet.Id, VpcId = subnet.VpcId, AvailabilityZone = subnet.AvailabilityZone, PrivateIpAddress = i.PrivateIpAddress,
                State = i.State, InstanceType = i.InstanceType, UserData = i.UserData, Tags = i.Tags, LaunchTime = now,
                SecurityGroupIds = state.SecurityGroups.Where(g => g.VpcId == subnet.VpcId).Select(g => g.Id).Take(1).ToList(),
                IamInstanceProfileArn = profile,
            });
        }

        state.Imds.RoleName = seed.ClusterName + "-node";
        foreach (var c in seed.Certificates)
        {
            var cert = new Certificate
            {
                Arn = c.Arn ?? $"arn:aws:acm:{seed.Region}:{seed.AccountId}:certificate/{Guid.NewGuid()}",
                DomainName = c.DomainName,
                SubjectAlternativeNames = c.SubjectAlternativeNames.Count > 0 ? c.SubjectAlternativeNames : [c.DomainName],
                Status = c.Status, Type = c.Type, CreatedAt = now, ImportedAt = c.Type == "IMPORTED" ? now : null,
                NotBefore = c.NotBefore ?? now.AddDays(-1), NotAfter = c.NotAfter ?? now.AddDays(90),
            };
            foreach (var (k, v) in c.Tags)
            {
                cert.Tags[k] = v;
            }

            state.Certificates.Add(cert);
        }

        foreach (var acl in seed.WebAcls)
        {
            Require(!string.IsNullOrEmpty(acl.Name), "a web ACL needs a name");
            state.AddWebAcl(acl.Name, acl.Id);
        }

        foreach (var z in seed.HostedZones)
        {
            var zone = Route53Zones.Create(state, z.Id, z.Name, "seed-" + z.Name, null, z.Private, z.VpcIds);
            foreach (var r in z.Records)
            {
                zone.Records.Add(new RecordSet(Route53Zones.Fqdn(r.Name), r.Type)
                {
                    Ttl = r.AliasDnsName is null ? r.Ttl : null, Values = r.Values, SetIdentifier = r.SetIdentifier, Weight = r.Weight,
                    Alias = r.AliasDnsName is null ? null : new AliasTarget(r.AliasHostedZoneId ?? string.Empty, Route53Zones.Fqdn(r.AliasDnsName), false),
                });
            }
        }

        return state;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidDataException("AWS seed: " + message);
        }
    }
}
