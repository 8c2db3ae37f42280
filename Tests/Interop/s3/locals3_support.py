"""Helpers shared by the LocalS3 interop tests (a module name of its own, so it never clashes with other conftests)."""

import boto3
from botocore.config import Config

ACCESS_KEY = "test"
SECRET_KEY = "test"


def client(endpoint: str, **config):
    """A boto3 S3 client for LocalS3 with the emulator's default credentials."""
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name="us-east-1",
        config=Config(**config),
    )
