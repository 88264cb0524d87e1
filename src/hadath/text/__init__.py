"""Arabic text primitives shared by every stage: normalisation for matching, tokens, clitics."""
