"""Authorization of the classic simulator: access levels (:mod:`.levels`), object sharing (:mod:`.sharing`)
and the checks handlers call (:mod:`.guard`)."""
