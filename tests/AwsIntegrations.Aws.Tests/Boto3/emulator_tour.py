"""Drives the AWS emulator with boto3 (AWS's own client and parsers) and prints what boto3 parsed, as JSON.

Usage: /usr/bin/python3 emulator_tour.py ENDPOINT CERT_PEM KEY_PEM
Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError
from botocore.utils import InstanceMetadataFetcher

endpoint, cert_path, key_path = sys.argv[1], sys.argv[2], sys.argv[3]
session = boto3.session.Session(region_name="eu-central-1")
config = Config(retries={"max_attempts": 1, "mode": "standard"})
out = {"errors": {}}


def client(name, region=None):
    return session.client(name, endpoint_url=endpoint, config=config, region_name=region)


def error_code(name, call):
    try:
        call()
        out["errors"][name] = None
    except ClientError as e:
        out["errors"][name] = {"code": e.response["Error"]["Code"], "message": e.response["Error"].get("Message", ""),
                               "status": e.response["ResponseMetadata"]["HTTPStatusCode"],
                               "request_id": e.response["ResponseMetadata"].get("RequestId")}


ec2 = client("ec2")
subnets = ec2.describe_subnets(Filters=[{"Name": "tag:kubernetes.io/cluster/sandbox", "Values": ["owned"]}])["Subnets"]
out["subnets"] = [{"id": s["SubnetId"], "az": s["AvailabilityZone"], "vpc": s["VpcId"], "cidr": s["CidrBlock"],
                   "free": s["AvailableIpAddressCount"], "tags": {t["Key"]: t["Value"] for t in s["Tags"]}} for s in subnets]
reservations = ec2.get_paginator("describe_instances").paginate(PaginationConfig={"PageSize": 5})
out["instances"] = [{"id": i["InstanceId"], "state": i["State"]["Name"], "code": i["State"]["Code"], "ip": i["PrivateIpAddress"],
                     "az": i["Placement"]["AvailabilityZone"], "launch": i["LaunchTime"].isoformat(),
                     "groups": [g["GroupId"] for g in i["SecurityGroups"]], "profile": i["IamInstanceProfile"]["Arn"]}
                    for page in reservations for r in page["Reservations"] for i in r["Instances"]]
out["vpcs"] = [{"id": v["VpcId"], "cidr": v["CidrBlock"], "default": v["IsDefault"]} for v in ec2.describe_vpcs()["Vpcs"]]
out["groups"] = [{"id": g["GroupId"], "name": g["GroupName"], "vpc": g["VpcId"]} for g in ec2.describe_security_groups()["SecurityGroups"]]
out["route_tables"] = [{"id": t["RouteTableId"], "main": any(a.get("Main") for a in t["Associations"]),
                        "subnets": [a["SubnetId"] for a in t["Associations"] if "SubnetId" in a],
                        "gateways": [r["GatewayId"] for r in t["Routes"]]} for t in ec2.describe_route_tables()["RouteTables"]]
error_code("ec2_missing_subnet", lambda: ec2.describe_subnets(SubnetIds=["subnet-nope"]))

acm = client("acm")
with open(cert_path, "rb") as c, open(key_path, "rb") as k:
    cert_arn = acm.import_certificate(Certificate=c.read(), PrivateKey=k.read(), Tags=[{"Key": "owner", "Value": "boto"}])["CertificateArn"]
listed = [s for page in acm.get_paginator("list_certificates").paginate(CertificateStatuses=["ISSUED"], Includes={"keyTypes": ["RSA_2048", "RSA_4096"]}) for s in page["CertificateSummaryList"]]
detail = acm.describe_certificate(CertificateArn=cert_arn)["Certificate"]
out["certificate"] = {"arn": cert_arn, "listed": [s["CertificateArn"] for s in listed], "domain": detail["DomainName"],
                      "sans": detail["SubjectAlternativeNames"], "status": detail["Status"], "key": detail["KeyAlgorithm"],
                      "not_after": detail["NotAfter"].isoformat(), "type": detail["Type"]}
error_code("acm_missing", lambda: acm.describe_certificate(CertificateArn="arn:aws:acm:eu-central-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"))

elb = client("elbv2")
subnet_ids = [s["id"] for s in out["subnets"]]
lb = elb.create_load_balancer(Name="boto", Subnets=subnet_ids, Tags=[{"Key": "owner", "Value": "boto"}])["LoadBalancers"][0]
elb.create_load_balancer(Name="boto-internal", Subnets=subnet_ids, Scheme="internal")
tg = elb.create_target_group(Name="boto-tg", Protocol="HTTP", Port=9999, VpcId=lb["VpcId"], HealthCheckPath="/healthz",
                             Matcher={"HttpCode": "200-399"})["TargetGroups"][0]
elb.register_targets(TargetGroupArn=tg["TargetGroupArn"], Targets=[{"Id": out["instances"][0]["id"]}, {"Id": out["instances"][1]["id"], "Port": 8080}])
listener = elb.create_listener(LoadBalancerArn=lb["LoadBalancerArn"], Protocol="HTTPS", Port=443, Certificates=[{"CertificateArn": cert_arn}],
                               DefaultActions=[{"Type": "forward", "TargetGroupArn": tg["TargetGroupArn"]}])["Listeners"][0]
redirect = elb.create_listener(LoadBalancerArn=lb["LoadBalancerArn"], Protocol="HTTP", Port=80,
                               DefaultActions=[{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}])["Listeners"][0]
health = elb.describe_target_health(TargetGroupArn=tg["TargetGroupArn"])["TargetHealthDescriptions"]
lbs = [l for page in elb.get_paginator("describe_load_balancers").paginate(PaginationConfig={"PageSize": 1}) for l in page["LoadBalancers"]]
attributes = elb.describe_load_balancer_attributes(LoadBalancerArn=lb["LoadBalancerArn"])["Attributes"]
tags = elb.describe_tags(ResourceArns=[lb["LoadBalancerArn"]])["TagDescriptions"]
certs = elb.describe_listener_certificates(ListenerArn=listener["ListenerArn"])["Certificates"]
out["elb"] = {"dns": lb["DNSName"], "zone": lb["CanonicalHostedZoneId"], "state": lb["State"]["Code"], "created": lb["CreatedTime"].isoformat(),
              "azs": [z["ZoneName"] for z in lb["AvailabilityZones"]], "type": lb["Type"], "scheme": lb["Scheme"],
              "paged_names": [l["LoadBalancerName"] for l in lbs],
              "tg_matcher": tg["Matcher"]["HttpCode"], "tg_path": tg["HealthCheckPath"],
              "health": [{"id": h["Target"]["Id"], "port": h["Target"]["Port"], "state": h["TargetHealth"]["State"]} for h in health],
              "listener_cert": [c["CertificateArn"] for c in listener["Certificates"]], "ssl_policy": listener["SslPolicy"],
              "redirect": redirect["DefaultActions"][0]["RedirectConfig"],
              "attributes": {a["Key"]: a["Value"] for a in attributes},
              "tags": {t["Key"]: t["Value"] for t in tags[0]["Tags"]},
              "listener_certs": [(c["CertificateArn"], c["IsDefault"]) for c in certs]}
error_code("elb_missing", lambda: elb.describe_load_balancers(Names=["nope"]))
nlb = elb.create_load_balancer(Name="boto-nlb", Subnets=subnet_ids, Type="network")["LoadBalancers"][0]
tcp_tg = elb.create_target_group(Name="boto-tcp", Protocol="TCP", Port=9999, VpcId=nlb["VpcId"], HealthCheckProtocol="HTTP",
                                 HealthCheckPath="/kube-system/healthz")["TargetGroups"][0]
tls = elb.create_listener(LoadBalancerArn=nlb["LoadBalancerArn"], Protocol="TLS", Port=443, Certificates=[{"CertificateArn": cert_arn}],
                          SslPolicy="ELBSecurityPolicy-TLS13-1-2-2021-06", DefaultActions=[{"Type": "forward", "TargetGroupArn": tcp_tg["TargetGroupArn"]}])["Listeners"][0]
out["nlb"] = {"type": nlb["Type"], "groups": nlb.get("SecurityGroups", []), "dns": nlb["DNSName"], "listener": tls["Protocol"], "ssl_policy": tls["SslPolicy"],
              "tg_protocol": tcp_tg["Protocol"], "tg_check": tcp_tg["HealthCheckProtocol"], "tg_path": tcp_tg["HealthCheckPath"]}
error_code("elb_unknown_ssl_policy", lambda: elb.modify_listener(ListenerArn=tls["ListenerArn"], SslPolicy="ELBSecurityPolicy-Custom"))

# Route 53 is signed for us-east-1; with endpoint_url botocore 1.29 would sign for the client's region, which AWS refuses.
r53 = client("route53", region="us-east-1")
zone = r53.create_hosted_zone(Name="boto.example", CallerReference="boto-1", HostedZoneConfig={"Comment": "boto"})
zone_id = zone["HostedZone"]["Id"]
change = r53.change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={"Comment": "boto", "Changes": [
    {"Action": "CREATE", "ResourceRecordSet": {"Name": "www.boto.example", "Type": "A", "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.1"}]}},
    {"Action": "CREATE", "ResourceRecordSet": {"Name": "*.boto.example", "Type": "CNAME", "TTL": 60, "ResourceRecords": [{"Value": "www.boto.example"}]}},
    {"Action": "UPSERT", "ResourceRecordSet": {"Name": "lb.boto.example", "Type": "A", "AliasTarget": {
        "HostedZoneId": lb["CanonicalHostedZoneId"], "DNSName": lb["DNSName"], "EvaluateTargetHealth": True}}},
]})["ChangeInfo"]
records = [r for page in r53.get_paginator("list_resource_record_sets").paginate(HostedZoneId=zone_id, PaginationConfig={"PageSize": 1}) for r in page["ResourceRecordSets"]]
zones = [z for page in r53.get_paginator("list_hosted_zones").paginate(PaginationConfig={"PageSize": 1}) for z in page["HostedZones"]]
got = r53.get_hosted_zone(Id=zone_id)
out["route53"] = {"zone_id": zone_id, "name_servers": got["DelegationSet"]["NameServers"], "comment": got["HostedZone"]["Config"]["Comment"],
                  "change_status": change["Status"], "change_id": change["Id"], "submitted": change["SubmittedAt"].isoformat(),
                  "get_change": r53.get_change(Id=change["Id"])["ChangeInfo"]["Status"],
                  "records": [{"name": r["Name"], "type": r["Type"], "ttl": r.get("TTL"), "values": [v["Value"] for v in r.get("ResourceRecords", [])],
                               "alias": r.get("AliasTarget")} for r in records],
                  "zones": [z["Name"] for z in zones]}
error_code("route53_duplicate", lambda: r53.change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={"Changes": [
    {"Action": "CREATE", "ResourceRecordSet": {"Name": "www.boto.example", "Type": "A", "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.1"}]}}]}))
error_code("route53_missing_zone", lambda: r53.get_hosted_zone(Id="ZNOPE"))

sts = client("sts")
assumed = sts.assume_role(RoleArn="arn:aws:iam::123456789012:role/boto", RoleSessionName="boto", DurationSeconds=900, SourceIdentity="boto-src")
c = assumed["Credentials"]
as_role = boto3.session.Session(aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"], aws_session_token=c["SessionToken"],
                                region_name="eu-central-1").client("sts", endpoint_url=endpoint, config=config)
out["sts"] = {"arn": assumed["AssumedRoleUser"]["Arn"], "expiration": c["Expiration"].isoformat(), "source": assumed.get("SourceIdentity"),
              "caller": as_role.get_caller_identity()["UserId"]}
error_code("sts_denied", lambda: sts.assume_role(RoleArn="arn:aws:iam::999999999999:role/x", RoleSessionName="boto"))

fetcher = InstanceMetadataFetcher(timeout=2, num_attempts=1, base_url=endpoint)
imds = fetcher.retrieve_iam_role_credentials()
out["imds"] = {"role": imds.get("role_name"), "access_key": imds.get("access_key"), "expiry": imds.get("expiry_time")}

print(json.dumps(out, default=str))
