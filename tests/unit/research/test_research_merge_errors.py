import sys

import pytest

from diaryrec.research.merged import MergedDatabaseError, open_merged


def test_postgres_without_its_driver_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as in the frozen app, which leaves it out
    with pytest.raises(MergedDatabaseError, match=r"diaryrec\[postgres\]"):
        open_merged("postgresql://nobody@127.0.0.1:1/x")
