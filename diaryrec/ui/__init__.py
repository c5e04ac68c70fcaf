"""The desktop app: the only package that imports PySide6. Windows, views and
widgets over the Qt-free services; ``tasks.TaskRunner`` is the one way work leaves
the GUI thread."""
