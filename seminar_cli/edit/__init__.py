"""Pure edits `(page, style, targets, today) -> Edit`, written in the page's own style."""
