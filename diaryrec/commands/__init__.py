"""One module per ``diaryrec`` subcommand; each has ``register(subparsers)``."""
