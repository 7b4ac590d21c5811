"""Motion statuses: a module of their own, so the command line's parser needs no more."""

# The ministry's own implementation status of a motion (not the Kamer's procedure).
MOTION_STATUSES = ("openstaand", "in uitvoering", "deels afgedaan", "afgedaan")
OPEN_MOTION_STATUSES = ("openstaand", "in uitvoering", "deels afgedaan")
# "afwijkend": the Kamer's Afgedaan and our status disagree (Motion.afwijkend_van_kamer).
MOTION_STATUS_FILTERS = ("open", "afgedaan", "all", *MOTION_STATUSES, "afwijkend")
