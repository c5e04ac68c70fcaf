"""The Qt-free composition root of the desktop app: where the data lives
(``data_location``), what start-up reads and in which order (``startup``), and what
the windows share once the store is open (``context``). Below ui and commands, above
the services: nothing here imports Qt."""
