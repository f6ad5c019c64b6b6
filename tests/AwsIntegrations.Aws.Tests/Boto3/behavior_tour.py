"""Drives the AWS emulator's AWS-like behaviour over time with boto3 (AWS's own client and parsers) and prints what it saw.

Usage: /usr/bin/python3 behavior_tour.py ENDPOINT
The emulator runs with its default (realistic) behaviour: a new load balancer provisions and is not described at once,
targets go initial -> healthy and draining, Route 53 changes are PENDING then INSYNC, requested certificates wait for
their DNS validation record, and the account is throttled at AWS's published rates.
"""
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
session = boto3.session.Session(region_name="eu-central-1")
config = Config(retries={"max_attempts": 1, "mode": "standard"})
out = {}


def client(name, region=None):
    return session.client(name, endpoint_url=endpoint, config=config, region_name=region)


def error(call):
    try:
        call()
        return None
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"].get("Message", ""),
                "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}


def until(what, check, seconds=20, interval=0.1):
    """Polls check() until it returns something truthy; records the values seen on the way."""
    seen = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = check()
        except ClientError as e:
            # Polling shares the account's buckets (Route 53: 5 requests/s); a throttled poll is retried like an SDK would.
            if e.response["Error"]["Code"] not in ("Throttling", "ThrottlingException"):
                raise
            time.sleep(0.5)
            continue
        if not seen or seen[-1] != value:
            seen.append(value)
        if value == what:
            return seen
        time.sleep(interval)
    raise SystemExit(f"never reached {what!r}: saw {seen}")


r53 = client("route53", region="us-east-1")
# Throttling first, while every bucket is full: Route 53 allows 5 requests per second for the whole account.
started = time.monotonic()
with ThreadPoolExecutor(max_workers=10) as pool:
    r53_calls = list(pool.map(lambda _: error(lambda: r53.list_hosted_zones()), range(20)))
out["route53_throttle"] = {"calls": r53_calls, "seconds": time.monotonic() - started}
time.sleep(1.2)

ec2 = client("ec2")
subnet_ids = [s["SubnetId"] for s in ec2.describe_subnets(Filters=[{"Name": "tag:kubernetes.io/role/elb", "Values": ["1"]}])["Subnets"]]
instance_ids = [i["InstanceId"] for r in ec2.describe_instances()["Reservations"] for i in r["Instances"]]

elb = client("elbv2")
lb = elb.create_load_balancer(Name="slow", Subnets=subnet_ids)["LoadBalancers"][0]
arn = lb["LoadBalancerArn"]
out["lb_created_state"] = lb["State"]["Code"]
out["lb_describe_at_once"] = error(lambda: elb.describe_load_balancers(LoadBalancerArns=[arn]))


def lb_state():
    try:
        return elb.describe_load_balancers(LoadBalancerArns=[arn])["LoadBalancers"][0]["State"]["Code"]
    except ClientError as e:
        return e.response["Error"]["Code"]


tg = elb.create_target_group(Name="slow-tg", Protocol="HTTP", Port=9999, VpcId=lb["VpcId"], HealthyThresholdCount=3)["TargetGroups"][0]
elb.create_listener(LoadBalancerArn=arn, Protocol="HTTP", Port=80, DefaultActions=[{"Type": "forward", "TargetGroupArn": tg["TargetGroupArn"]}])
elb.register_targets(TargetGroupArn=tg["TargetGroupArn"], Targets=[{"Id": instance_ids[0]}])


def target(index=0):
    health = elb.describe_target_health(TargetGroupArn=tg["TargetGroupArn"])["TargetHealthDescriptions"]
    if len(health) <= index:
        return "gone"
    h = health[index]["TargetHealth"]
    return f'{h["State"]}/{h.get("Reason", "")}'


out["target_while_provisioning"] = target()
out["lb_states"] = until("active", lb_state)
out["target_states"] = until("healthy/", target)
elb.deregister_targets(TargetGroupArn=tg["TargetGroupArn"], Targets=[{"Id": instance_ids[0]}])
out["target_after_deregister"] = target()
arns = [arn] * 21
out["describe_tags_21"] = error(lambda: elb.describe_tags(ResourceArns=arns))

zone_id = r53.create_hosted_zone(Name="slow.example", CallerReference="slow-1")["HostedZone"]["Id"]
change = r53.change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={"Changes": [
    {"Action": "CREATE", "ResourceRecordSet": {"Name": "www.slow.example", "Type": "A", "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.1"}]}}]})["ChangeInfo"]
out["change_at_once"] = change["Status"]
time.sleep(0.25)
out["change_states"] = until("INSYNC", lambda: r53.get_change(Id=change["Id"])["ChangeInfo"]["Status"], interval=0.3)
many = [{"Action": "CREATE", "ResourceRecordSet": {"Name": f"r{i}.slow.example", "Type": "TXT", "TTL": 60, "ResourceRecords": [{"Value": '"x"'}]}}
        for i in range(400)]
r53.change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={"Changes": many})
time.sleep(0.25)
page = r53.list_resource_record_sets(HostedZoneId=zone_id, MaxItems="1000")
out["records_page"] = {"count": len(page["ResourceRecordSets"]), "truncated": page["IsTruncated"], "max_items": page["MaxItems"]}
too_many = [{"Action": "CREATE", "ResourceRecordSet": {"Name": f"big{i}.slow.example", "Type": "A", "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.1"}]}}
            for i in range(1001)]
time.sleep(0.25)
out["batch_1001"] = error(lambda: r53.change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={"Changes": too_many}))

acm = client("acm")
cert_arn = acm.request_certificate(DomainName="www.slow.example", ValidationMethod="DNS")["CertificateArn"]
detail = acm.describe_certificate(CertificateArn=cert_arn)["Certificate"]
record = detail["DomainValidationOptions"][0]["ResourceRecord"]
out["certificate_requested"] = {"status": detail["Status"], "type": detail["Type"], "record_type": record["Type"],
                                "record_name": record["Name"], "validation": detail["DomainValidationOptions"][0]["ValidationStatus"],
                                "has_not_after": "NotAfter" in detail}
listed = acm.list_certificates(CertificateStatuses=["ISSUED"])["CertificateSummaryList"]
out["certificate_listed_as_issued_before"] = cert_arn in [c["CertificateArn"] for c in listed]
time.sleep(0.25)
r53.change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={"Changes": [
    {"Action": "UPSERT", "ResourceRecordSet": {"Name": record["Name"], "Type": "CNAME", "TTL": 300, "ResourceRecords": [{"Value": record["Value"]}]}}]})
out["certificate_states"] = until("ISSUED", lambda: acm.describe_certificate(CertificateArn=cert_arn)["Certificate"]["Status"])
issued = acm.describe_certificate(CertificateArn=cert_arn)["Certificate"]
out["certificate_issued"] = {"validation": issued["DomainValidationOptions"][0]["ValidationStatus"], "has_not_after": "NotAfter" in issued}

print(json.dumps(out, default=str))
