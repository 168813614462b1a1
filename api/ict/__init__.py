"""ICT readiness (ICT-gereedheid): software suppliers and their applications, which application
each municipality uses, and each supplier's readiness per measure."""
