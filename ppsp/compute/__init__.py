"""Pure computation core of PPSP Planner: numpy/scipy only, never Django."""
