"""Training-data tooling (not part of the installed package): import from the repository root, e.g. `training.synth`."""
