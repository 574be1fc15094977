"""The review of a week, month or quarter: the period in numbers, each goal in turn, wins and
obstacles, the next focus and a summary that can be compared with earlier ones."""
