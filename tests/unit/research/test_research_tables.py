from diaryrec.research.merged import METADATA, STUDY_TABLES
from diaryrec.research.tables import NOT_EXPORTED, PROTOCOL_DAY_COLUMNS, STORED, TABLES, model_columns
from diaryrec.store.models import ALL_TABLES


def test_every_store_table_is_exported_or_deliberately_left_out():
    exported = {spec.model.__tablename__ for spec in STORED}
    assert exported | NOT_EXPORTED == {model.__tablename__ for model in ALL_TABLES}
    assert not exported & NOT_EXPORTED


def test_every_column_is_described_in_the_codebook_in_model_order():
    for spec in STORED:
        assert list(spec.columns) == model_columns(spec.model), spec.name
        assert all(meaning.strip() for meaning in spec.columns.values()), spec.name
    assert len({spec.name for spec in TABLES}) == len(TABLES)


def test_the_merged_schema_has_every_column_keyed_by_participant():
    for spec in TABLES:
        table = STUDY_TABLES[spec.name]
        assert table.metadata is METADATA
        assert [c.name for c in table.columns] == ["participant_id", *spec.columns]
        assert "participant_id" in [c.name for c in table.primary_key.columns]
    assert list(PROTOCOL_DAY_COLUMNS) == [c.name for c in STUDY_TABLES["protocol_day"].columns][1:]


def test_merged_tables_are_not_part_of_the_participant_database_migrations():
    from sqlmodel import SQLModel

    assert "participant" not in SQLModel.metadata.tables
    assert METADATA is not SQLModel.metadata
