"""Fixtures for the deployment suite: the packages, built once per session."""

import pytest

from deploy_helpers import package, resources

PRODUCTS = ["echo-bootstrap", *sorted(resources("AWS::Serverless::Function"))]


@pytest.fixture(scope="session")
def packages(swift_bin, tmp_path_factory):
    """`lambda-emulator package` of echo-bootstrap and every function of template.yaml (release builds)."""
    output = tmp_path_factory.mktemp("packages")
    package(swift_bin, PRODUCTS, output)
    return output
