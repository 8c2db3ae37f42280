"""Helpers shared by the LocalDynamo interop tests (a uniquely named module, unlike conftest)."""

import boto3
from botocore.config import Config


def make_client(endpoint, **config):
    return boto3.client(
        "dynamodb",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(retries={"max_attempts": 1, "mode": "standard"}, **config),
    )
