"""Every query of this domain."""
