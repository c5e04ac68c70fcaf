import pytest

from diaryrec.research.export import unsafe_name
from diaryrec.research.merged import database_url
from diaryrec.research.export import bundle_member


@pytest.mark.parametrize("name", ["../../x", "/etc/passwd", "screenshots/../../x", "C:\\x", "c:/x", "a//b", "./a", "", "a\\..\\b"])
def test_unsafe_names(name):
    assert unsafe_name(name)
    assert bundle_member("screenshots", name) is None


@pytest.mark.parametrize("name", ["data.json", "screenshots/day-01.png", "tables/message.csv", "prompts/recommender-1-v2.txt", "images/사진.png"])
def test_safe_names(name):
    assert not unsafe_name(name)


def test_database_urls():
    assert str(database_url("study.sqlite")) == "sqlite:///study.sqlite"
    odd = database_url("연구 ?a %20#.sqlite")  # a file name, never parsed as a URL
    assert odd.database == "연구 ?a %20#.sqlite"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("sqlite:////tmp/x.sqlite") == "sqlite:////tmp/x.sqlite"
