"""Drives the AWS emulator's IAM enforcement with boto3 (AWS's own client and error parsers) and prints what it saw, as JSON.

Usage: /usr/bin/python3 iam_tour.py ENDPOINT ROLE_ARN OUR_ZONE_ID THEIR_ZONE_ID FOREIGN_LB_ARN
The emulator's own key (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY) assumes the role; every other call is signed with the
role session's credentials, so the role's policy decides each one.
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, role_arn, our_zone, their_zone, foreign_lb = sys.argv[1:6]
config = Config(retries={"max_attempts": 1, "mode": "standard"})
assumed = boto3.session.Session(region_name="eu-central-1").client("sts", endpoint_url=endpoint, config=config) \
    .assume_role(RoleArn=role_arn, RoleSessionName="boto-iam")["Credentials"]
session = boto3.session.Session(aws_access_key_id=assumed["AccessKeyId"], aws_secret_access_key=assumed["SecretAccessKey"],
                                aws_session_token=assumed["SessionToken"], region_name="eu-central-1")
out = {}


def client(name, region=None):
    return session.client(name, endpoint_url=endpoint, config=config, region_name=region)


def outcome(name, call):
    try:
        call()
        out[name] = None
    except ClientError as e:
        out[name] = {"code": e.response["Error"]["Code"], "message": e.response["Error"].get("Message", ""),
                     "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}


ec2, elbv2, acm, wafv2, sts = client("ec2"), client("elbv2"), client("acm"), client("wafv2"), client("sts")
r53 = client("route53", region="us-east-1")
subnets = [s["SubnetId"] for s in ec2.describe_subnets()["Subnets"]]
out["caller"] = sts.get_caller_identity()["Arn"]
outcome("ec2_describe_subnets", lambda: ec2.describe_subnets())
outcome("ec2_describe_vpcs", lambda: ec2.describe_vpcs())
outcome("acm_list_certificates", lambda: acm.list_certificates())
outcome("wafv2_get_web_acl_for_resource", lambda: wafv2.get_web_acl_for_resource(ResourceArn=foreign_lb))
outcome("route53_our_zone", lambda: r53.list_resource_record_sets(HostedZoneId=our_zone))
outcome("route53_their_zone", lambda: r53.list_resource_record_sets(HostedZoneId=their_zone))
outcome("sts_assume_role", lambda: sts.assume_role(RoleArn=role_arn, RoleSessionName="again"))
outcome("elbv2_create_untagged", lambda: elbv2.create_load_balancer(Name="untagged", Subnets=subnets))
outcome("elbv2_create_tagged", lambda: elbv2.create_load_balancer(Name="tagged", Subnets=subnets,
                                                                   Tags=[{"Key": "kubernetes.io/cluster/sandbox", "Value": "owned"}]))
outcome("elbv2_modify_foreign", lambda: elbv2.modify_load_balancer_attributes(
    LoadBalancerArn=foreign_lb, Attributes=[{"Key": "idle_timeout.timeout_seconds", "Value": "120"}]))
print(json.dumps(out))
