"""PPSP Planner: sanitation planning for Indonesian kabupaten/kota."""
