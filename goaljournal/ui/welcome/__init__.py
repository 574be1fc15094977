"""The welcome: the daily loop in a few lines, and a first goal, self-assessment or import."""
