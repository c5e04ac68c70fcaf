"""Use cases shared by the desktop app and the command line: joining a study, the
timeline, a recommendation turn, a diary entry, reminders. Qt-free, callable from a
worker thread; they take plain values and ids and return plain result objects."""
