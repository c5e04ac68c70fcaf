"""Times shared by the UI tests (the default study joined in Seoul on 2 March 2026)."""

import datetime as dt

JOINED = dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.timezone.utc)  # 10:00 in Seoul: day 1


def seoul(day_of_march: int, hour: int, minute: int = 0) -> dt.datetime:
    local = dt.datetime(2026, 3, day_of_march, hour, minute, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    return local.astimezone(dt.timezone.utc)
