"""Which data folder a start uses: --data-dir, the environment, the participant's
choice from Settings, the OS default."""

from diaryrec.runtime.data_location import choose_data_dir, chosen_data_dir, startup_data_dir


def test_the_command_line_and_the_environment_win_over_the_choice(tmp_path, data_dir):
    choose_data_dir(tmp_path / "chosen")
    assert startup_data_dir(str(tmp_path / "cli")) == (tmp_path / "cli").resolve()
    assert startup_data_dir(None) == data_dir.resolve()  # DIARYREC_DATA_DIR, set by the fixture


def test_the_choice_is_used_without_either(tmp_path, monkeypatch):
    monkeypatch.delenv("DIARYREC_DATA_DIR")
    assert chosen_data_dir() is None
    choose_data_dir(tmp_path / "내 연구 데이터")
    assert startup_data_dir(None) == (tmp_path / "내 연구 데이터").resolve()
    choose_data_dir(None)  # back to the default
    assert chosen_data_dir() is None


def test_a_damaged_choice_file_is_ignored(tmp_path, monkeypatch):
    from diaryrec.runtime.data_location import pointer_file

    pointer_file().parent.mkdir(parents=True, exist_ok=True)
    pointer_file().write_text("{not json", encoding="utf-8")
    assert chosen_data_dir() is None
