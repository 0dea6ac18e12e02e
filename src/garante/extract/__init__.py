"""Extract: pipeline components that add stand-off annotations to a cleaned Document."""
