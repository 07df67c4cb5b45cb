"""Read-only products of a page: calendar, data, announcements, talk files."""
