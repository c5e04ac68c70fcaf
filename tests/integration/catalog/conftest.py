import pytest

from tests.catalog_data import csv_fake


@pytest.fixture
def fake():
    with csv_fake() as server:
        yield server
