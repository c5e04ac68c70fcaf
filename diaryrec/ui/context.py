"""What the windows share: the data folder, the open store, the settings and the
joined study. Built once in ``app.run_app``; handed to windows, never looked up
globally."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from diaryrec.paths import DataLayout
from diaryrec.services.study import ActiveStudy, active_study
from diaryrec.settings import Settings, load_settings, save_settings
from diaryrec.store import Store, open_store


@dataclass
class AppContext:
    layout: DataLayout
    store: Store
    settings: Settings
    sandbox: bool = False
    study: ActiveStudy | None = field(default=None)

    @classmethod
    def open(cls, data_dir: Path, sandbox: bool = False) -> "AppContext":
        layout = DataLayout(data_dir).ensure()
        store = open_store(layout)
        settings = load_settings(layout.settings_file)
        return cls(layout=layout, store=store, settings=settings, sandbox=sandbox, study=active_study(store))

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.timezone.utc)

    def save_settings(self) -> None:
        save_settings(self.layout.settings_file, self.settings)

    def close(self) -> None:
        self.store.close()
