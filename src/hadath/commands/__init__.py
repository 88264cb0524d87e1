"""Subcommands of the `hadath` CLI, one module each (see hadath.cli.COMMANDS)."""
