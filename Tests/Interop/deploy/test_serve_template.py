"""`serve` reads template.yaml: every function, table and bucket in it exists and answers."""

import urllib.request

import pytest

from deploy_helpers import Serve, local_name, project_copy, resources


@pytest.fixture
def served(swift_bin, tmp_path):
    layout = {
        f".build/lambda/{name}/bootstrap": swift_bin / name for name in resources("AWS::Serverless::Function")
    }
    template_path = project_copy(tmp_path / "project", layout)
    for name in resources("AWS::Serverless::Function"):
        (tmp_path / "project" / f".build/lambda/{name}/bootstrap").chmod(0o755)
    serve = Serve(swift_bin, template_path, tmp_path / "data")
    yield serve
    serve.stop()


def test_every_function_is_hosted(served):
    client = served.client("lambda")
    for name in resources("AWS::Serverless::Function"):
        assert client.invoke(FunctionName=name, InvocationType="DryRun")["StatusCode"] == 204
        # The bootstrap is spawned: whatever it answers (a stub may exit), the Invoke API reports a result.
        answer = client.invoke(FunctionName=name, Payload=b"{}")
        assert answer["StatusCode"] == 200


def test_every_table_exists_with_its_key_and_ttl(served):
    dynamo = served.client("dynamodb")
    for logical_id, body in resources("AWS::DynamoDB::Table").items():
        properties = body["Properties"]
        name = local_name(properties.get("TableName"), logical_id)
        table = dynamo.describe_table(TableName=name)["Table"]
        assert table["KeySchema"] == properties["KeySchema"]
        ttl = dynamo.describe_time_to_live(TableName=name)["TimeToLiveDescription"]
        assert ttl["TimeToLiveStatus"] == "ENABLED"
        assert ttl["AttributeName"] == properties["TimeToLiveSpecification"]["AttributeName"]
        dynamo.put_item(TableName=name, Item={"job_id": {"S": "reachable"}})
        assert dynamo.get_item(TableName=name, Key={"job_id": {"S": "reachable"}})["Item"]


def test_every_bucket_exists_with_its_configuration(served):
    s3 = served.client("s3")
    names = {b["Name"] for b in s3.list_buckets()["Buckets"]}
    for logical_id, body in resources("AWS::S3::Bucket").items():
        properties = body["Properties"]
        name = local_name(properties.get("BucketName"), logical_id)
        assert name in names
        s3.put_object(Bucket=name, Key="documents/probe.txt", Body=b"ok")
        assert s3.get_object(Bucket=name, Key="documents/probe.txt")["Body"].read() == b"ok"
        if "CorsConfiguration" in properties:
            rules = s3.get_bucket_cors(Bucket=name)["CORSRules"]
            assert rules[0]["AllowedMethods"] == properties["CorsConfiguration"]["CorsRules"][0]["AllowedMethods"]
        if "LifecycleConfiguration" in properties:
            rules = s3.get_bucket_lifecycle_configuration(Bucket=name)["Rules"]
            assert rules[0]["Expiration"]["Days"] == 1
        if "WebsiteConfiguration" in properties:
            website = s3.get_bucket_website(Bucket=name)
            assert website["IndexDocument"]["Suffix"] == "index.html"


def test_state_survives_a_restart_of_serve(swift_bin, tmp_path, served):
    dynamo = served.client("dynamodb")
    name = local_name(resources("AWS::DynamoDB::Table")["JobsTable"]["Properties"]["TableName"], "JobsTable")
    dynamo.put_item(TableName=name, Item={"job_id": {"S": "kept"}})
    served.stop()
    again = Serve(swift_bin, tmp_path / "project" / "template.yaml", tmp_path / "data")
    try:
        item = again.client("dynamodb").get_item(TableName=name, Key={"job_id": {"S": "kept"}})
        assert item["Item"]["job_id"] == {"S": "kept"}
    finally:
        again.stop()


def preflight(port: int, origin: str):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/start", method="OPTIONS",
        headers={"Origin": origin, "Access-Control-Request-Method": "POST"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers


def test_gateway_answers_cors_from_the_function_url_config(served):
    cors = resources("AWS::Serverless::Function")["APIFunction"]["Properties"]["FunctionUrlConfig"]["Cors"]
    site = "http://jobsai-site-123456789012.s3-website-us-east-1.amazonaws.com"
    assert cors["AllowOrigins"] == [{"Fn::GetAtt": ["SiteBucket", "WebsiteURL"]}]
    status, headers = preflight(served.ports["gateway"], site)
    assert status == 200
    assert headers["Access-Control-Allow-Origin"] == site
    assert headers["Access-Control-Allow-Methods"] == ",".join(cors["AllowMethods"])
    assert headers["Access-Control-Max-Age"] == str(cors["MaxAge"])
    status, headers = preflight(served.ports["gateway"], "http://elsewhere.example")
    assert status == 200 and headers["Access-Control-Allow-Origin"] is None
