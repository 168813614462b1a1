"""Notifications: what happened that someone must act on, in the app and by mail."""
