"""What the frozen app runs: the same ``main`` as the ``diaryrec`` command.

PyInstaller needs a script, not a ``module:function`` entry point; going through
``diaryrec.__main__.main`` keeps one code path for the wheel and the frozen app.
"""

import sys

from diaryrec.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
