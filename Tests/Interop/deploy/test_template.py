"""template.yaml: cfn-lint clean, and least-privilege IAM as the contract asks."""

import subprocess
import sys
from pathlib import Path

from deploy_helpers import TEMPLATE, resources, template

CFN_LINT = Path(sys.executable).parent / "cfn-lint"


def test_cfn_lint_is_clean():
    result = subprocess.run([str(CFN_LINT), "--", str(TEMPLATE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def statements(function: str) -> list:
    policies = resources("AWS::Serverless::Function")[function]["Properties"]["Policies"]
    return [statement for policy in policies for statement in policy["Statement"]]


def test_functions_target_the_custom_runtime_with_the_contract_timeouts():
    functions = resources("AWS::Serverless::Function")
    assert sorted(functions) == ["APIFunction", "WorkerFunction"]
    globals_ = template()["Globals"]["Function"]
    assert globals_["Runtime"] == "provided.al2023" and globals_["Handler"] == "bootstrap"
    assert functions["APIFunction"]["Properties"]["Timeout"] == 29
    assert functions["WorkerFunction"]["Properties"]["Timeout"] == 900
    assert functions["APIFunction"]["Properties"]["CodeUri"] == ".build/lambda/APIFunction"
    assert functions["WorkerFunction"]["Properties"]["CodeUri"] == ".build/lambda/WorkerFunction"
    variables = set(globals_["Environment"]["Variables"]) | set(
        functions["APIFunction"]["Properties"]["Environment"]["Variables"]
    )
    contract = {
        "DYNAMODB_TABLE_NAME", "S3_DOCUMENTS_BUCKET", "WORKER_LAMBDA_FUNCTION_NAME", "ALLOWED_ORIGINS",
        "RATE_LIMIT_REQUESTS", "RATE_LIMIT_WINDOW_SECONDS", "JOB_DEADLINE_SECONDS", "JOB_TTL_SECONDS",
        "LLM_PROVIDER", "OPENAI_BASE_URL", "OPENAI_API_KEY", "OPENAI_MODEL", "DUUNITORI_BASE_URL",
        "JOBLY_BASE_URL", "SCRAPER_DELAY_SECONDS", "LOG_LEVEL",
    }
    assert contract <= variables


def test_iam_is_least_privilege():
    for function in ("APIFunction", "WorkerFunction"):
        for statement in statements(function):
            assert statement["Effect"] == "Allow"
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            assert all("*" not in action for action in actions), statement
            resource = statement["Resource"]
            if all(action.startswith("dynamodb:") for action in actions):
                assert resource == {"Fn::GetAtt": ["JobsTable", "Arn"]}
                assert set(actions) <= {"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                                        "dynamodb:DeleteItem", "dynamodb:DescribeTable"}
            elif actions == ["s3:ListBucket"]:
                # The API's health check lists one key, and only under documents/.
                assert resource == {"Fn::GetAtt": ["DocumentsBucket", "Arn"]}
                assert statement["Condition"] == {"StringLike": {"s3:prefix": "documents/*"}}
            elif all(action.startswith("s3:") for action in actions):
                assert resource == {"Fn::Sub": "${DocumentsBucket.Arn}/documents/*"}
                assert set(actions) <= {"s3:GetObject", "s3:PutObject"}
            else:
                assert actions == ["lambda:InvokeFunction"]
                assert resource == {"Fn::GetAtt": ["WorkerFunction", "Arn"]}
                assert function == "APIFunction"


def test_table_and_buckets():
    table = resources("AWS::DynamoDB::Table")["JobsTable"]["Properties"]
    assert table["BillingMode"] == "PAY_PER_REQUEST"
    assert table["KeySchema"] == [{"AttributeName": "job_id", "KeyType": "HASH"}]
    assert table["TimeToLiveSpecification"] == {"AttributeName": "ttl", "Enabled": True}
    buckets = resources("AWS::S3::Bucket")
    documents = buckets["DocumentsBucket"]["Properties"]
    assert all(documents["PublicAccessBlockConfiguration"].values())
    assert documents["LifecycleConfiguration"]["Rules"][0]["Status"] == "Enabled"
    assert documents["CorsConfiguration"]["CorsRules"][0]["AllowedOrigins"] == [
        {"Fn::GetAtt": ["SiteBucket", "WebsiteURL"]}
    ]
    assert buckets["SiteBucket"]["Properties"]["WebsiteConfiguration"]["IndexDocument"] == "index.html"
    outputs = template()["Outputs"]
    assert {"ApiUrl", "WebsiteUrl"} <= set(outputs)
